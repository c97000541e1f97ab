import FleetprintRuntime
import Foundation
import MQTT

/// What most daemon tests start with: a private broker, a scratch folder, and a client that
/// records every work order and summary the daemons publish. `stop()` undoes all three.
final class DaemonBench {
    let broker: LocalBroker
    let root: URL
    let seen = Summaries()
    private let watcher: MQTTClient
    private let reader: Task<Void, Never>

    init(_ name: String) async throws {
        broker = try TestBroker.started()
        root = FileManager.default.temporaryDirectory.appendingPathComponent("fleetprint-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        watcher = try await TestClients.connected(broker.url)
        try await watcher.subscribe([TopicSubscription("fleetprint/workorders/#", qos: .atLeastOnce), TopicSubscription("fleetprint/impact/+", qos: .atLeastOnce)])
        let (watcher, seen) = (self.watcher, self.seen)
        reader = Task { for await message in watcher.messages { seen.add(message) } }
    }

    func stop() {
        reader.cancel()
        watcher.close()
        broker.stop()
        try? FileManager.default.removeItem(at: root)
    }
}
