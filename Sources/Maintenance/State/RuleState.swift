import FleetModel

/// One rule's state on one device: the level it has fired at (nil while armed) and its memory.
/// A device holds one per rule of its kind, in the profile's order (the engine knows the ids).
public struct RuleState: Sendable, Hashable {
    /// The highest level fired since the rule was last cleared or reset by a service.
    public internal(set) var level: WorkOrderPriority?
    var memory: RuleMemory

    init(level: WorkOrderPriority? = nil, memory: RuleMemory) {
        self.level = level
        self.memory = memory
    }
}
