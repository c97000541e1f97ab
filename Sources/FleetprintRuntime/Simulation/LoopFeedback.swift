import FleetModel
import Simulation

/// What the pipeline thread tells the simulator, in the order it happened: orders issued or
/// escalated (with the message they came on), orders closed, and the messages done. These go
/// back to be freed on the thread that made them: freeing across threads contends in malloc.
enum LoopFeedback: Sendable {
    case accept(WorkOrder, EventStamp)
    case close(String)
    case processed([LoopMessage])
}
