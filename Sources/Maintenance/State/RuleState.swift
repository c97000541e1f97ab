import FleetModel

/// One rule's state on one device: the level it has fired at (nil while armed) and its memory.
public struct RuleState: Sendable, Hashable, Codable {
    public let rule: String
    /// The highest level fired since the rule was last cleared or reset by a service.
    public internal(set) var level: WorkOrderPriority?
    var memory: RuleMemory

    init(rule: String, memory: RuleMemory) {
        self.rule = rule
        self.memory = memory
    }
}
