import Foundation
import MQTT

/// Publishes a stream in order with its relative timing scaled by `speed` (event seconds per
/// wall second; nil: as fast as the broker takes it), and bounds what waits in the client's queue.
/// Each record goes out with its own QoS and retain flag; `qos` is for records without one.
struct PacedPublisher {
    let client: MQTTClient
    let speed: Double?
    let qos: QoS
    private let clock = ContinuousClock()
    private var origin: (event: Double, wall: ContinuousClock.Instant)?
    private(set) var published = 0
    /// Messages that may wait in the client's queue: enough to keep the broker busy, few enough
    /// that libmosquitto's search of that queue on each acknowledgement stays cheap.
    private static let window = 200

    init(client: MQTTClient, speed: Double?, qos: QoS = .atMostOnce) {
        self.client = client
        self.speed = speed
        self.qos = qos
    }

    mutating func publish(_ record: StreamRecord) async throws {
        if let speed {
            let start = origin ?? (record.time, clock.now)
            origin = start
            let due = start.wall + .milliseconds(Int64((record.time - start.event) / speed * 1000))
            if due > clock.now + .milliseconds(5) { try await Task.sleep(until: due, clock: clock) }
        }
        try client.publish(topic: record.topic, payload: record.payload, qos: record.qos ?? qos, retain: record.retain)
        published += 1
        if published % Self.window == 0 { try await client.waitForPublished(leaving: Self.window) }
    }

    func finish() async throws {
        try await client.waitForPublished()
    }
}
