import FleetModel
import FleetprintTestSupport
import Foundation
import Impact
import MQTT
@testable import FleetprintRuntime

/// The runtime's test kit: a private mosquitto, the daemon running in this process on it, a
/// watcher of what the daemon publishes, and a publisher for the test's messages.
final class InProcessDaemon {
    let broker: LocalBroker
    let state: URL
    let seen = Summaries()
    let publisher: MQTTClient
    private let watcher: MQTTClient
    private let reader: Task<Void, Never>
    private let daemon: Task<Void, any Error>
    private let stopNow: AsyncStream<Void>.Continuation

    /// Starts everything and returns once the daemon has subscribed (its first summary is out).
    static func start() async throws -> InProcessDaemon {
        let broker = try TestBroker.started()
        let state = FileManager.default.temporaryDirectory.appendingPathComponent("fleetprint-state-\(UUID().uuidString)")
        var configuration = DaemonConfiguration()
        configuration.summaryInterval = Quantity(0.2, .second)
        let job = DaemonJob(configuration: configuration, brokers: [BrokerSettings(url: broker.url)],
                            library: try BoilerStream.library(), stateDirectory: state)
        let watcher = try await TestClients.connected(broker.url)
        try await watcher.subscribe([TopicSubscription("fleetprint/workorders/#", qos: .atLeastOnce),
                                     TopicSubscription("fleetprint/impact/#", qos: .atLeastOnce)])
        let running = InProcessDaemon(broker: broker, state: state, job: job, watcher: watcher,
                                      publisher: try await TestClients.connected(broker.url))
        let seen = running.seen
        try await eventually(10, "the daemon's first summary") { seen.latest("local") != nil }
        return running
    }

    private init(broker: LocalBroker, state: URL, job: DaemonJob, watcher: MQTTClient, publisher: MQTTClient) {
        self.broker = broker
        self.state = state
        self.watcher = watcher
        self.publisher = publisher
        let (stop, stopNow) = AsyncStream.makeStream(of: Void.self)
        self.stopNow = stopNow
        daemon = Task { try await job.run(until: stop) }
        let seen = self.seen
        reader = Task { for await message in watcher.messages { seen.add(message) } }
    }

    func publish(_ messages: [(topic: String, payload: [UInt8])]) throws {
        for message in messages {
            try publisher.publish(topic: message.topic, payload: message.payload, qos: .atLeastOnce)
        }
    }

    /// The daemon's latest summary.
    var summary: DaemonSummary? { seen.latest("local") }

    /// A graceful stop: the daemon checkpoints; then everything is closed and removed.
    func stop() async throws {
        stopNow.yield()
        try await daemon.value
    }

    deinit {
        stopNow.yield()
        reader.cancel()
        watcher.close()
        publisher.close()
        broker.stop()
        try? FileManager.default.removeItem(at: state)
    }
}
