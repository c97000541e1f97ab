import FleetprintRuntime
import Foundation
import MQTT

/// Three nats-server nodes clustered on free loopback ports, from the shipped
/// `Config/nats/node.conf`, with MQTT and JetStream: an existing clustered broker (Debian's
/// package), not one of our own. Each node keeps its log and JetStream store in the cluster's
/// folder; `stop()` kills the nodes and removes it.
final class NATSCluster: Sendable {
    let directory: URL
    /// One MQTT URL per node.
    let urls: [String]
    private let processes: [Process]

    /// nats-server on PATH or where Debian puts it; nil when it is not installed.
    static var executable: String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        return (path.split(separator: ":").map { "\($0)/nats-server" } + ["/usr/sbin/nats-server", "/usr/bin/nats-server"])
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static let configuration = RepositoryPaths.root.appendingPathComponent("Config/nats/node.conf")

    /// Starts the nodes and returns once every node takes a persistent MQTT session (JetStream
    /// has its leaders), which takes a few seconds.
    static func started(nodes: Int = 3) async throws -> NATSCluster {
        guard let executable else { throw Shell.Failure(description: "nats-server is not installed: apt-get install -y nats-server") }
        let cluster = try NATSCluster(executable: executable, nodes: nodes)
        do {
            for url in cluster.urls { try await cluster.waitForSessions(on: url) }
        } catch {
            cluster.stop()
            throw error
        }
        return cluster
    }

    private init(executable: String, nodes: Int) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fleetprint-nats-\(UUID().uuidString.prefix(8))")
        self.directory = directory
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let ports = try (0..<nodes).map { _ in (client: try FreePort.loopback(), monitor: try FreePort.loopback(), cluster: try FreePort.loopback(), mqtt: try FreePort.loopback()) }
        let routes = Dictionary(uniqueKeysWithValues: ports.enumerated().map { ("ROUTE_\($0.offset + 1)", "nats-route://127.0.0.1:\($0.element.cluster)") })
        urls = ports.map { "mqtt://127.0.0.1:\($0.mqtt)" }
        processes = try ports.enumerated().map { index, port in
            let name = "n\(index + 1)"
            return try ServerProcess.launch(executable, configuration: Self.configuration, environment: routes.merging([
                "NODE_NAME": name, "CLIENT_PORT": "\(port.client)", "MONITOR_PORT": "\(port.monitor)", "CLUSTER_PORT": "\(port.cluster)",
                "MQTT_PORT": "\(port.mqtt)", "STORE_DIR": directory.appendingPathComponent(name).path,
            ]) { $1 }, log: directory.appendingPathComponent("\(name).log"))
        }
    }

    /// Connects with a persistent session and subscribes at QoS 1 until the node accepts both.
    private func waitForSessions(on url: String) async throws {
        var probe = try TestClients.configuration(url, clientID: "fleetprint-probe-\(UUID().uuidString.prefix(8))")
        probe.cleanSession = false
        probe.connectTimeout = .seconds(2)
        let configuration = probe
        try await withDeadline(30, "a persistent MQTT session on \(url) (logs in \(directory.path))") {
            while !(try await self.acceptsSession(configuration)) {
                try await Task.sleep(for: .milliseconds(200))
            }
        }
    }

    private func acceptsSession(_ configuration: MQTTConfiguration) async throws -> Bool {
        guard processes.allSatisfy(\.isRunning) else { throw Shell.Failure(description: "a nats-server node exited; logs in \(directory.path)") }
        let client = try MQTTClient(configuration)
        defer { client.close() }
        do {
            try await client.connect()
            try await client.subscribe([TopicSubscription("fleetprint/probe", qos: .atLeastOnce)], timeout: .seconds(2))
            return true
        } catch {
            return false
        }
    }

    func stop() {
        for process in processes where process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: directory)
    }
}
