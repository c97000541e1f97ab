import FleetModel
import FleetprintTestSupport
import Foundation
import Impact
import Pipeline
@testable import FleetprintRuntime

/// What one daemon of the whole fleet makes of a stream, computed with its pipeline in-process
/// (as `replay --offline` does): the ledger, every publication of a work order (the marks the
/// daemon records: the order's id, with its status change for each later one), and the readings
/// and service reports accepted. A daemon that has accepted as many is done; its message count may be
/// higher, as a broker may deliver a message twice around a restart.
struct OneDaemonRun {
    let ledger: ImpactLedger
    let orderMarks: Set<String>
    let accepted: Int

    /// `receivedAt`: when each message arrived, where it matters (nil: judged by event time alone).
    init(_ messages: [(topic: String, payload: [UInt8], receivedAt: Date?)]) throws {
        var pipeline = FleetPipeline(library: try BoilerStream.library())
        var orderMarks = Set<String>()
        for message in messages {
            let output = pipeline.ingest(topic: message.topic, payload: message.payload, receivedAt: message.receivedAt)
            orderMarks.formUnion((output.workOrders + output.escalatedOrders + output.closedOrders).map { $0.id + OutputPublisher.markSuffix($0.status) })
        }
        ledger = pipeline.state.ledger
        self.orderMarks = orderMarks
        accepted = pipeline.state.counters.readings + pipeline.state.counters.serviceReports
    }
}
