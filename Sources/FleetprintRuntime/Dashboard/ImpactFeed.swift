import Foundation
import Impact
import MQTT
import Pipeline

/// The retained summaries daemons publish on `fleetprint/impact/<instance>`, and their devices'
/// details on `fleetprint/impact/<instance>/device/<kind>/<device>`, decoded; what does not
/// decode is reported and skipped, so one bad publisher cannot blank the dashboard.
struct ImpactFeed {
    let client: MQTTClient
    let summaries: AsyncStream<DaemonSummary>
    let devices: AsyncStream<InstanceDevice>
    /// Device details waiting for the dashboard: enough for the retained burst of a large fleet
    /// at start, beyond which the oldest waiting go (the next change publishes them again).
    static let deviceBacklog = 100_000

    static func subscribe(_ broker: BrokerSettings, instances filter: String) async throws -> ImpactFeed {
        let client = try MQTTClient(broker.mqttConfiguration(clientIDPrefix: "fleetprint-dashboard"))
        try await client.connect()
        try await client.subscribe([TopicSubscription(OutputTopics.impact(instance: filter), qos: .atLeastOnce),
                                    TopicSubscription(OutputTopics.impact(instance: filter) + "/device/#", qos: .atLeastOnce)])
        let (summaries, summaryFeed) = AsyncStream.makeStream(of: DaemonSummary.self, bufferingPolicy: .bufferingNewest(16))
        let (devices, deviceFeed) = AsyncStream.makeStream(of: InstanceDevice.self, bufferingPolicy: .bufferingNewest(deviceBacklog))
        let messages = client.messages
        Task {
            let decoder = JSONDecoder()
            decoder.dateDecodingStrategy = .iso8601
            for await message in messages {
                let levels = message.topic.split(separator: "/", omittingEmptySubsequences: false)
                do {
                    if levels.count > 3, levels[3] == "device" {
                        deviceFeed.yield(InstanceDevice(instance: String(levels[2]), detail: try decoder.decode(DeviceDetail.self, from: Data(message.payload))))
                    } else {
                        summaryFeed.yield(try decoder.decode(DaemonSummary.self, from: Data(message.payload)))
                    }
                } catch {
                    ConnectionReporter.note("dashboard: skipped a message on \(message.topic) that does not decode: \(error)")
                }
            }
            summaryFeed.finish()
            deviceFeed.finish()
        }
        return ImpactFeed(client: client, summaries: summaries, devices: devices)
    }
}
