import Foundation

/// A maintenance fact in event time: the input of the Impact ledger's "actual" side.
public struct ServiceEvent: Sendable, Hashable, Codable {
    public var device: String
    public var kind: String
    public var time: Date
    public var action: ServiceAction
    public var kit: String?
    public var trip: String?
    /// The work order it carries out, if any.
    public var workOrder: String?
    /// The service report's own id, when its sender gave one (named in the order's closure).
    public var report: String?

    public init(device: String, kind: String, time: Date, action: ServiceAction, kit: String? = nil, trip: String? = nil, workOrder: String? = nil,
                report: String? = nil) {
        self.device = device
        self.kind = kind
        self.time = time
        self.action = action
        self.kit = kit
        self.trip = trip
        self.workOrder = workOrder
        self.report = report
    }
}
