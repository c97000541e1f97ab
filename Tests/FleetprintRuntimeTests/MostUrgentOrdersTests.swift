import FleetModel
import FleetprintTestSupport
import Foundation
import Impact
import Pipeline
import Testing

/// The summary's most urgent open orders, kept up to date from the pipeline's outputs, are those
/// a full sort of every device's open orders would put first: after orders are issued, escalated
/// and closed, and after a restart.
@Suite struct MostUrgentOrdersTests {
    private static func fullSort(_ pipeline: FleetPipeline) -> [WorkOrder] {
        pipeline.state.openWorkOrders.sorted {
            ($0.priority == .alarm ? 0 : 1, $0.issuedAt, $0.id) < ($1.priority == .alarm ? 0 : 1, $1.issuedAt, $1.id)
        }
    }

    private static func expectFullSort(_ pipeline: inout FleetPipeline) {
        let expected = fullSort(pipeline)
        let (urgent, count) = pipeline.mostUrgentOrders()
        #expect(count == expected.count)
        #expect(urgent == Array(expected.prefix(DaemonSummary.openOrderLimit)))
    }

    /// With room for all of them, the devices are looked through once; with room for 16, again
    /// whenever the orders kept are used up by those closing, and the ten stay a full sort's.
    @Test("200 boilers, some fouled: the ten equal a full sort's first ten while the most urgent 180 close one by one, and after a restart",
          arguments: [4_096, 16])
    func equalsFullSort(kept: Int) throws {
        var pipeline = FleetPipeline(library: try BoilerStream.library(), urgentOrdersKept: kept)
        Self.expectFullSort(&pipeline)
        for index in 0..<200 {
            let start = BoilerStream.start.addingTimeInterval(Double(index % 5) * 600)
            let fouled = index % 3 == 0 ? 90.0 : 60.0
            for message in BoilerStream.samples(device: "b-\(index)", from: start, hours: 5, flue: fouled) {
                _ = pipeline.ingest(topic: message.topic, payload: message.payload)
            }
            let topic = BoilerStream.topic("b-\(index)")
            for (hour, hours) in [(6.0, 100.0), (7, 5_700)] {
                _ = pipeline.ingest(topic: topic, payload: BoilerStream.payload(at: start.addingTimeInterval(hour * 3600), hours: hours))
            }
            if index % 50 == 9 { Self.expectFullSort(&pipeline) }
        }
        let open = pipeline.state.openWorkOrders
        #expect(open.count > DaemonSummary.openOrderLimit)
        #expect(open.contains { $0.priority == .alarm } && open.contains { $0.priority == .alert })
        Self.expectFullSort(&pipeline)

        let now = ISO8601DateFormatter().string(from: try #require(pipeline.state.watermark))
        for (closed, order) in Self.fullSort(pipeline).prefix(180).enumerated() {
            // A visit cancels the device's other orders for the same kit: those are gone already.
            guard pipeline.state.devices["boiler/\(order.device)"]?.hasOpenWorkOrder(order.id) == true else { continue }
            let report = #"{"work_order":"\#(order.id)","time":"\#(now)","action":"visit"}"#
            #expect(!pipeline.ingest(topic: "fleetprint/service/boiler/\(order.device)", payload: Array(report.utf8)).closedOrders.isEmpty)
            if closed % 7 == 0 { Self.expectFullSort(&pipeline) }
        }
        Self.expectFullSort(&pipeline)
        // Orders ending at the top are dropped as they come up: with room for all, the devices
        // were looked through once.
        #expect(kept > open.count ? pipeline.openOrderLooks == 1 : pipeline.openOrderLooks > 2)
        var restarted = FleetPipeline(library: try BoilerStream.library(), state: pipeline.state, urgentOrdersKept: kept)
        Self.expectFullSort(&restarted)
        #expect(restarted.openOrderLooks == 1)
    }

    @Test("orders issued and ended behind older open ones, more than the book keeps: the ten stay a full sort's without a look through the devices")
    func leftOversBehindOldOrders() throws {
        var pipeline = FleetPipeline(library: try BoilerStream.library(), urgentOrdersKept: 64)
        // Twenty fouled boilers whose orders stay open, ahead of everything after them.
        for index in 0..<20 {
            for message in BoilerStream.samples(device: "fouled-\(index)", from: BoilerStream.start, hours: 5, flue: 90) {
                _ = pipeline.ingest(topic: message.topic, payload: message.payload)
            }
        }
        Self.expectFullSort(&pipeline)
        // A hundred boilers reporting hourly for six hours, then silent for ten (one more keeps
        // the fleet's time going): each silence issues a missing-data order, and the next message
        // closes it, behind the fouled boilers' orders.
        for cycle in 0..<16 {
            for hour in 5..<21 {
                let time = BoilerStream.start.addingTimeInterval(Double(cycle * 16 + hour) * 3600)
                _ = pipeline.ingest(topic: BoilerStream.topic("clock"), payload: BoilerStream.payload(at: time))
                for index in 0..<100 where hour < 11 {
                    _ = pipeline.ingest(topic: BoilerStream.topic("churn-\(index)"), payload: BoilerStream.payload(at: time.addingTimeInterval(Double(index))))
                }
            }
            Self.expectFullSort(&pipeline)
        }
        #expect(pipeline.state.counters.workOrdersClosed > 1_300)
        #expect(pipeline.openOrderLooks == 1)
    }
}
