import Pipeline
import Simulation

/// A simulated message on its way to the pipeline thread, parsed already (on the simulator's
/// thread, which has time to spare), with its event time and the event that produced it; or,
/// without a message, the pipeline's timers to run through `time` before a technician's job.
struct LoopMessage: Sendable {
    let parsed: ParsedMessage?
    let time: Double
    let stamp: EventStamp
}
