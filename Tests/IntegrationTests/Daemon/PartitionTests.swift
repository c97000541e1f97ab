import FleetModel
import FleetprintTestSupport
import Foundation
import Store
import Testing
@testable import FleetprintRuntime

@Suite("Partitioned daemons on one mosquitto")
struct PartitionTests {
    @Test("the same stream through one daemon and through three partitions: the same summed ledger and work orders, each device's orders from its own partition")
    func threePartitionsOnOneBroker() async throws {
        let fleet = try SimulatedFleet.run()
        let bench = try await DaemonBench("partitions")
        defer { bench.stop() }
        let whole = try DaemonProcess(instance: "whole", stateDirectory: bench.root.appendingPathComponent("whole"), broker: bench.broker.url)
        let partitions = try Partition(parsing: "0/3").siblings
        // Left with the default instance name, each is named after its partition (local-p0of3, ...).
        let daemons = try partitions.map {
            try DaemonProcess(instance: "local", stateDirectory: bench.root.appendingPathComponent($0.nameSuffix), broker: bench.broker.url,
                              arguments: ["--partition", $0.description])
        }
        let names = partitions.map { "local-\($0.nameSuffix)" }
        let seen = bench.seen
        try await eventually(20, "every daemon's first summary") { (["whole"] + names).allSatisfy { seen.latest($0) != nil } }

        let publisher = try await TestClients.connected(bench.broker.url)
        defer { publisher.close() }
        try await TestClients.publish(fleet.messages, with: publisher)
        try await eventually(60, "every reading and service report, in the whole daemon and in the partitions together") {
            Summaries.accepted(seen.latest("whole")) == fleet.expected.accepted && names.map { Summaries.accepted(seen.latest($0)) }.reduce(0, +) == fleet.expected.accepted
        }
        for name in ["whole"] + names {
            let summary = try #require(seen.latest(name))
            #expect(summary.counters.deadLetters.isEmpty, "\(name): \(summary.counters.deadLetters)")
            #expect(try SchemaCheck.validate(try summary.encoded(), schema: SchemaCheck.schema("summary")).isEmpty)
        }
        #expect(names.map { seen.latest($0)?.partition } == partitions)
        for daemon in [whole] + daemons { #expect(daemon.terminate() == 0) }

        let wholeStore = try FleetStore(directory: whole.stateDirectory)
        let wholeLedger = try PipelineStateCoding.state(from: wholeStore, library: ShippedProfiles.library).state.ledger
        #expect(wholeLedger.devices == fleet.expected.ledger.devices, "one daemon ends as the daemon's pipeline in-process")
        #expect(try wholeStore.publishedOrderIDs() == fleet.expected.orderMarks)
        try PartitionOutcome.expectWhole(Array(zip(partitions, daemons.map(\.stateDirectory))), ledger: wholeLedger.devices, orderMarks: try wholeStore.publishedOrderIDs())
        for (partition, daemon) in zip(partitions, daemons) {
            #expect(daemon.output.contains("partition \(partition): owns devices whose hash of kind/id mod 3 == \(partition.index)"))
        }
    }
}
