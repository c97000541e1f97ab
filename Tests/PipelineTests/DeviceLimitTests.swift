import FleetModel
import FleetprintTestSupport
import Foundation
import Testing
@testable import Pipeline

@Suite("Bounded inputs: device limits, device ids, dead-letter excerpts")
struct DeviceLimitTests {
    private static func message(_ device: String, minute: Double = 0) -> (topic: String, payload: [UInt8]) {
        (BoilerStream.topic(device), BoilerStream.payload(at: BoilerStream.start.addingTimeInterval(minute * 60)))
    }

    @Test("new devices beyond a kind's limit are dead-lettered device-limit; known devices still count")
    func perKindLimit() throws {
        var pipeline = FleetPipeline(library: try BoilerStream.library(), deviceLimits: DeviceLimits(maxDevicesPerKind: 100, maxNewDevicesPerMinute: 1_000))
        var reasons: [String: Int] = [:]
        for index in 0..<250 {
            let (topic, payload) = Self.message("b-\(index)")
            for letter in pipeline.ingest(topic: topic, payload: payload).deadLetters { reasons[letter.reason.rawValue, default: 0] += 1 }
        }
        #expect(pipeline.state.devices.count == 100)
        #expect(reasons == ["device-limit": 150])
        // A device that is in keeps counting.
        let (topic, payload) = Self.message("b-7", minute: 10)
        #expect(pipeline.ingest(topic: topic, payload: payload).deadLetters.isEmpty)
        #expect(pipeline.state.counters.readings > 0)
    }

    @Test("new devices per minute of event time are capped; the next minute admits more; a restart counts on")
    func perMinuteLimit() throws {
        let limits = DeviceLimits(maxDevicesPerKind: 10_000, maxNewDevicesPerMinute: 10)
        var pipeline = FleetPipeline(library: try BoilerStream.library(), deviceLimits: limits)
        var refused = 0
        for index in 0..<30 {
            let (topic, payload) = Self.message("b-\(index)")
            refused += pipeline.ingest(topic: topic, payload: payload).deadLetters.count
        }
        #expect(refused == 20 && pipeline.state.devices.count == 10)
        // Restored from its state, the pipeline knows the minute is full and how many boilers it has.
        var restored = FleetPipeline(library: try BoilerStream.library(), deviceLimits: limits, state: pipeline.state)
        let (topic, payload) = Self.message("b-late")
        #expect(restored.ingest(topic: topic, payload: payload).deadLetters.map(\.reason) == [.deviceLimit])
        let (nextTopic, nextPayload) = Self.message("b-next", minute: 1)
        #expect(restored.ingest(topic: nextTopic, payload: nextPayload).deadLetters.isEmpty)
        #expect(restored.state.devices.count == 11)
    }

    @Test("a device id that is too long or has other characters is dead-lettered bad-device-id", arguments: [
        String(repeating: "x", count: 65), "b 1", "b$1", "b\u{e9}",
    ])
    func badDeviceID(id: String) throws {
        var pipeline = FleetPipeline(library: try BoilerStream.library())
        let output = pipeline.ingest(topic: BoilerStream.topic(id), payload: BoilerStream.payload(at: BoilerStream.start))
        #expect(output.deadLetters.map(\.reason) == [.decode(.badDeviceID)])
        #expect(pipeline.state.devices.isEmpty)
        let fine = pipeline.ingest(topic: BoilerStream.topic("AA:BB:cc-01_x.2"), payload: BoilerStream.payload(at: BoilerStream.start))
        #expect(fine.deadLetters.isEmpty)
    }

    @Test("a dead letter carries the payload's size and at most its first kilobyte, cut on a character boundary")
    func excerpt() {
        let large = DeadLetter(reason: .decode(.tooLarge), topic: "t", detail: "", field: nil, payload: Array(repeating: UInt8(ascii: "a"), count: 10_000_000))
        #expect(large.payloadBytes == 10_000_000 && large.truncated == true && large.payload?.utf8.count == DeadLetter.excerptBytes)
        let accents = Array(String(repeating: "\u{e9}", count: 600).utf8)  // two bytes each: the cut falls mid-character
        let cut = DeadLetter(reason: .decode(.tooLarge), topic: "t", detail: "", field: nil, payload: accents)
        #expect(cut.payload == String(repeating: "\u{e9}", count: 512) && cut.payloadBase64 == nil)
        let small = DeadLetter(reason: .decode(.malformed), topic: "t", detail: "", field: nil, payload: Array("{".utf8))
        #expect(small.payload == "{" && small.truncated == nil && small.payloadBytes == 1)
        let binary = DeadLetter(reason: .decode(.malformed), topic: "t", detail: "", field: nil, payload: [0xFF, 0xFE])
        #expect(binary.payloadBase64 == "//4=" && binary.payload == nil)
    }
}
