import Foundation
import Impact
import MQTT
import Pipeline

/// The retained summaries daemons publish on `fleetprint/impact/<instance>`, decoded; what does
/// not decode is counted and skipped, so one bad publisher cannot blank the dashboard.
struct ImpactFeed {
    let client: MQTTClient
    let summaries: AsyncStream<DaemonSummary>

    static func subscribe(_ broker: BrokerSettings, instances filter: String) async throws -> ImpactFeed {
        let client = try MQTTClient(broker.mqttConfiguration(clientIDPrefix: "fleetprint-dashboard"))
        try await client.connect()
        try await client.subscribe([TopicSubscription(OutputTopics.impact(instance: filter), qos: .atLeastOnce)])
        let (summaries, feed) = AsyncStream.makeStream(of: DaemonSummary.self, bufferingPolicy: .bufferingNewest(16))
        let messages = client.messages
        Task {
            let decoder = JSONDecoder()
            decoder.dateDecodingStrategy = .iso8601
            for await message in messages {
                do { feed.yield(try decoder.decode(DaemonSummary.self, from: Data(message.payload))) } catch {
                    ConnectionReporter.note("dashboard: skipped a summary on \(message.topic) that does not decode: \(error)")
                }
            }
            feed.finish()
        }
        return ImpactFeed(client: client, summaries: summaries)
    }
}
