/// How urgent a work order is: an alert can wait for the next route, an alarm cannot.
public enum WorkOrderPriority: String, Sendable, Hashable, Codable, CaseIterable {
    case alert
    case alarm
}
