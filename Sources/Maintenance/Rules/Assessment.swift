import FleetModel

/// A rule's verdict on new data (ISO 13374 state detection): the engine turns a `fire` above the
/// rule's current level into an order, and a `clear` into re-arming it.
enum Assessment {
    /// The condition holds at this level; `values` says what was seen, for the order's reason.
    case fire(WorkOrderPriority, values: String)
    /// A missing-data timer ran out (an alert), for `reason` (`OrderReason.silent`).
    case silent(OrderReason)
    /// The condition is over (past the clear level, data again, the window lapsed).
    case clear
    /// No change: inside the hysteresis band, waiting for a duration, or nothing to say.
    case hold
}
