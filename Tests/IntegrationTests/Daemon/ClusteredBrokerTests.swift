import FleetModel
import FleetprintTestSupport
import Foundation
import MQTT
import Pipeline
import Testing
@testable import FleetprintRuntime

@Suite("Partitioned daemons on a three-node nats-server cluster",
       .enabled(if: NATSCluster.executable != nil,
                "nats-server is not installed (apt-get install -y nats-server; make test and .ci/run install it): the clustered-broker test is skipped"))
struct ClusteredBrokerTests {
    /// Telemetry on one topic filter: NATS serves each MQTT subscription from a JetStream
    /// consumer of its own, so only messages of one filter keep their order through a backlog
    /// (docs/SCALEOUT.md).
    private static let stream = BoilerFleet.fouling(devices: 45)

    @Test("three partitions on three nodes, one stopped mid-stream and restarted on another node: together the whole fleet's ledger and orders, nothing lost")
    func threeNodesAndARestart() async throws {
        let clock = ContinuousClock()
        let started = clock.now
        let stream = Self.stream
        let expected = try OneDaemonRun(stream.map { ($0.topic, $0.payload, nil) })
        let cluster = try await NATSCluster.started()
        defer { cluster.stop() }
        let clusterReady = clock.now - started
        let root = cluster.directory.appendingPathComponent("daemons")

        let watcher = try await TestClients.connected(cluster.urls[0])
        defer { watcher.close() }
        try await watcher.subscribe([TopicSubscription("fleetprint/impact/+", qos: .atLeastOnce)])
        let seen = Summaries()
        let reader = Task { for await message in watcher.messages { seen.add(message) } }
        defer { reader.cancel() }

        let partitions = try Partition(parsing: "0/3").siblings
        let names = partitions.map { "local-\($0.nameSuffix)" }
        func daemon(_ index: Int, node: Int) throws -> DaemonProcess {
            try DaemonProcess(instance: "local", stateDirectory: root.appendingPathComponent(partitions[index].nameSuffix), broker: cluster.urls[node],
                              arguments: ["--partition", partitions[index].description])
        }
        var daemons = try partitions.indices.map { try daemon($0, node: $0) }
        try await eventually(30, "every partition's first summary, through the cluster") { names.allSatisfy { seen.latest($0) != nil } }

        // Devices publish to every node in turn, each part acknowledged before the next. Partition
        // 1 is stopped once it has taken what was sent to it (NATS redelivers a message a client
        // took but did not acknowledge only after ack_wait, behind newer ones), misses two parts,
        // and is restarted on another node, where its persistent session has kept them.
        var publishers: [MQTTClient] = []
        for url in cluster.urls { publishers.append(try await TestClients.connected(url)) }
        defer { publishers.forEach { $0.close() } }
        let owned = PartitionFilter(partition: partitions[1], parser: MessageParser(library: try BoilerStream.library()))
        let parts = 6
        let size = (stream.count + parts - 1) / parts
        for part in 0..<parts {
            try await TestClients.publish(Array(stream.dropFirst(part * size).prefix(size)), with: publishers[part % publishers.count])
            if part == 1 {
                let sent = stream.prefix((part + 1) * size).filter { owned.owns(topic: $0.topic) }.count
                try await eventually(30, "partition 1 has taken what was sent to it") { seen.latest(names[1])?.counters.messages == sent }
                #expect(daemons[1].terminate() == 0)
            }
            if part == 3 { daemons[1] = try daemon(1, node: 2) }
        }
        try await eventually(60, "every reading, in the partitions together") {
            names.map { Summaries.accepted(seen.latest($0)) }.reduce(0, +) == expected.accepted
        }
        for name in names { #expect(seen.latest(name)?.counters.deadLetters.isEmpty == true, "\(name): \(seen.latest(name)?.counters.deadLetters ?? [:])") }
        #expect(daemons[1].output.contains("session_present=true"), "the restarted daemon found its session on another node")
        for daemon in daemons { #expect(daemon.terminate() == 0) }
        try PartitionOutcome.expectWhole(Array(zip(partitions, daemons.map(\.stateDirectory))), ledger: expected.ledger.devices, orderMarks: expected.orderMarks)
        print("clustered broker: \(stream.count) messages through 3 nats-server nodes; cluster ready after \(clusterReady), test \(clock.now - started)")
    }
}
