import FleetModel

/// What one message (or one step of event time) produced, for the daemon to publish.
public struct PipelineOutput: Sendable, Equatable {
    public var workOrders: [WorkOrder] = []
    /// Open orders raised to alarm, published again under their id.
    public var escalatedOrders: [WorkOrder] = []
    /// Orders closed or cancelled, with their closure.
    public var closedOrders: [WorkOrder] = []
    public var deadLetters: [DeadLetter] = []

    public init() {}

    public var isEmpty: Bool { workOrders.isEmpty && escalatedOrders.isEmpty && closedOrders.isEmpty && deadLetters.isEmpty }

    mutating func merge(_ other: PipelineOutput) {
        workOrders += other.workOrders
        escalatedOrders += other.escalatedOrders
        closedOrders += other.closedOrders
        deadLetters += other.deadLetters
    }
}
