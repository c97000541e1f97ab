import FleetprintTestSupport
import MQTT

/// Boiler fleets for the daemon's tests: each device normal for 2 h, then fouled for 4 h (one
/// alarm work order each), the devices interleaved in event time as a real fleet would send.
enum BoilerFleet {
    static let readingsPerMessage = 9

    static func fouling(devices: Int) -> [(topic: String, payload: [UInt8])] {
        let perDevice = (1...devices).map { BoilerStream.fouling(device: "b-\($0)") }
        return (0..<perDevice[0].count).flatMap { index in perDevice.map { $0[index] } }
    }

    /// Publishes at QoS 1 and waits for every acknowledgement, keeping the client's queue short.
    static func publish(_ stream: [(topic: String, payload: [UInt8])], with client: MQTTClient) async throws {
        for (index, message) in stream.enumerated() {
            try client.publish(topic: message.topic, payload: message.payload, qos: .atLeastOnce)
            if index % 500 == 499 { try await client.waitForPublished(leaving: 1_000) }
        }
        try await client.waitForPublished(timeout: .seconds(60))
    }
}
