/// What `FleetSimulator.next(before:ordersSettled:)` gives: a message, or why there is none yet.
public enum SimulationStep: Sendable, Equatable {
    case message(SimulatedMessage)
    /// The next event is at or past the limit, or is a job while orders are still unsettled:
    /// the daemon's feedback on messages already sent must come first.
    case waiting
    /// The next event is a job at this time: the daemon's timers must run up to it first.
    case timersNeeded(through: Int64)
    case finished
}
