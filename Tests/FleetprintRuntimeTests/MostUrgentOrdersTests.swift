import FleetModel
import FleetprintTestSupport
import Foundation
import Impact
import Pipeline
import Testing
@testable import FleetprintRuntime

/// The summary's most urgent open orders, chosen in one pass, are those a full sort would put first.
@Suite struct MostUrgentOrdersTests {
    @Test("twenty boilers, some fouled, and their alert orders: the ten chosen in one pass equal a full sort's first ten")
    func equalsFullSort() throws {
        var pipeline = FleetPipeline(library: try BoilerStream.library())
        for index in 0..<20 {
            let start = BoilerStream.start.addingTimeInterval(Double(index % 5) * 600)
            let fouled = index % 3 == 0 ? 90.0 : 60.0
            for message in BoilerStream.samples(device: "b-\(index)", from: start, hours: 5, flue: fouled) {
                _ = pipeline.ingest(topic: message.topic, payload: message.payload)
            }
            let topic = BoilerStream.topic("b-\(index)")
            for (hour, hours) in [(6.0, 100.0), (7, 5_700)] {
                _ = pipeline.ingest(topic: topic, payload: BoilerStream.payload(at: start.addingTimeInterval(hour * 3600), hours: hours))
            }
        }
        let open = pipeline.state.openWorkOrders
        #expect(open.count > DaemonSummary.openOrderLimit)
        #expect(open.contains { $0.priority == .alarm } && open.contains { $0.priority == .alert })
        let sorted = open.sorted { ($0.priority == .alarm ? 0 : 1, $0.issuedAt, $0.id) < ($1.priority == .alarm ? 0 : 1, $1.issuedAt, $1.id) }
        let (urgent, count) = DaemonLoop.mostUrgentOrders(of: pipeline.state.devices.values, limit: DaemonSummary.openOrderLimit)
        #expect(count == open.count)
        #expect(urgent == Array(sorted.prefix(DaemonSummary.openOrderLimit)))
    }
}
