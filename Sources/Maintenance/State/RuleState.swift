import FleetModel

/// One rule's state on one device: the level it has fired at (nil while armed) and its memory.
/// A device holds one per rule of its kind, in the profile's order (the engine knows the ids).
/// The memory comes first, so the level's byte follows its tag instead of being padded to eight.
public struct RuleState: Sendable, Hashable {
    var memory: RuleMemory
    /// The highest level fired since the rule was last cleared or reset by a service.
    public internal(set) var level: WorkOrderPriority?

    init(level: WorkOrderPriority? = nil, memory: RuleMemory) {
        self.level = level
        self.memory = memory
    }
}
