import Pipeline
import Telemetry

/// One received message on its way to the pipeline thread, as it came, with its journal sequence
/// and its arrival time (journaled too, so a replay decides the same). It is parsed on the
/// pipeline thread: the network thread is the drain's critical path, and readings made and
/// dropped on one thread do not bounce their shared strings' counts between the cores.
struct IntakeItem: Sendable {
    let sequence: Int64
    let receivedAt: Double
    let topic: String
    let payload: [UInt8]
    /// The topic's address when a partition routed it already (`.some(nil)`: it names no device).
    var routed: DeviceAddress?? = nil

    func parsed(by parser: MessageParser) -> ParsedMessage {
        parser.parse(topic: topic, payload: payload, routed: routed)
    }
}
