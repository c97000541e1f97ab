import FleetModel
import Foundation
import Simulation

/// The simulator and the daemon's own pipeline in one process: each simulated message goes
/// through `FleetPipeline` exactly as the daemon would take it from the broker, and the work
/// orders it issues go back to the simulator's technicians. What `step()` returns is what a file
/// records, so replaying that file through a fresh pipeline gives the same ledger.
public struct ClosedLoop: Sendable {
    public private(set) var simulator: FleetSimulator
    public private(set) var pipeline: FleetPipeline

    public init(library: ProfileLibrary, settings: SimulationSettings) throws(SimulationError) {
        simulator = try FleetSimulator(library: library, settings: settings)
        pipeline = FleetPipeline(library: library)
    }

    /// The next message as sent, after the pipeline and the technicians have acted on it; nil at the end.
    public mutating func step() -> StreamRecord? {
        guard let message = simulator.next() else { return nil }
        let (topic, payload) = message.wire
        let record = StreamRecord(time: Double(message.time), topic: topic, payload: payload)
        let output = pipeline.ingest(topic: topic, payload: payload, receivedAt: Date(timeIntervalSince1970: record.time))
        for order in output.workOrders + output.escalatedOrders { simulator.accept(order) }
        for order in output.closedOrders { simulator.orderClosed(order.id) }
        return record
    }
}
