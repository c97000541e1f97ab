import FleetModel
import FleetprintTestSupport
import Foundation
import Testing
@testable import Pipeline

@Suite("A partition of the fleet in the pipeline")
struct PartitionFilterTests {
    private static func filters(_ count: Int) throws -> [PartitionFilter] {
        let parser = MessageParser(library: try BoilerStream.library())
        return try Partition(parsing: "0/\(count)").siblings.map { PartitionFilter(partition: $0, parser: parser) }
    }

    @Test("telemetry and service reports belong to the partition of their device, judged from the topic alone")
    func ownedByTopic() throws {
        let filters = try Self.filters(3)
        for number in 1...60 {
            let device = "b-\(number)"
            let owner = filters.first { $0.partition.owns(DeviceIdentity(kind: "boiler", id: device)) }!
            for topic in [BoilerStream.topic(device), "fleetprint/service/boiler/\(device)"] {
                #expect(filters.filter { $0.owns(topic: topic) }.map(\.partition) == [owner.partition], "\(topic)")
            }
        }
    }

    @Test("a message that names no device belongs to partition 0, so it is dead-lettered once")
    func noDeviceToPartitionZero() throws {
        let filters = try Self.filters(3)
        for topic in ["devices/unknown/x", "fleetprint/service/boiler", "fleetprint/service/a/b/c"] {
            #expect(filters.filter { $0.owns(topic: topic) }.map(\.partition.index) == [0], "\(topic)")
        }
    }

    @Test("parsing with the route the partition check found gives what parsing from the topic gives, bad input included")
    func routedParseIsTheSame() throws {
        let parser = MessageParser(library: try BoilerStream.library())
        let report = Array(#"{"time":"2026-01-01T06:00:00Z","action":"visit","unplanned":true}"#.utf8)
        let messages = BadInputs.interleaved(device: "b-002").messages + BoilerStream.fouling(device: "b-003")
            + [("fleetprint/service/boiler/b-003", report), ("fleetprint/service/boiler", report), ("devices/unknown/x", report)]
        var (fromTopic, fromRoute) = (FleetPipeline(library: try BoilerStream.library()), FleetPipeline(library: try BoilerStream.library()))
        for message in messages {
            let routed = parser.parse(topic: message.topic, payload: message.payload, routed: parser.address(of: message.topic))
            #expect(fromRoute.ingest(routed) == fromTopic.ingest(topic: message.topic, payload: message.payload), "\(message.topic)")
        }
        #expect(fromRoute.state == fromTopic.state)
    }

    @Test("a silent device's missing-data order does not depend on other devices' messages moving the clock")
    func timersOfOneDevice() throws {
        let start = BoilerStream.start
        let grid = stride(from: 0.0, to: 11 * 3600, by: 300).map { start.addingTimeInterval($0) }
        // b-1 is silent from the second to the tenth hour; b-2 reports every 5 minutes throughout.
        let talks = { (time: Date) in time < start.addingTimeInterval(2 * 3600) || time >= start.addingTimeInterval(10 * 3600) }
        let quiet = grid.filter(talks).map { (device: "b-1", time: $0) }
        let fleet = grid.flatMap { time in (talks(time) ? [(device: "b-1", time: time)] : []) + [(device: "b-2", time: time)] }
        // Received as they happen, as a live daemon takes them (a partition's own event time lags
        // the fleet's while its devices are silent; the arrival time keeps them from being too new).
        func orders(_ messages: [(device: String, time: Date)]) throws -> [WorkOrder] {
            var pipeline = FleetPipeline(library: try BoilerStream.library())
            return messages.flatMap {
                pipeline.ingest(topic: BoilerStream.topic($0.device), payload: BoilerStream.payload(at: $0.time), receivedAt: $0.time).workOrders
            }.filter { $0.device == "b-1" }
        }
        let alone = try orders(quiet)
        #expect(alone.contains { $0.rule == "silent" }, "eight silent hours are missing data")
        #expect(alone == (try orders(fleet)))
    }
}
