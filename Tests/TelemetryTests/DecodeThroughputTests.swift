import FleetModel
import FleetprintTestSupport
import Foundation
import Telemetry
import Testing

/// Not a test but a measurement, enabled by FLEETPRINT_BENCH=1; run in release:
/// `FLEETPRINT_BENCH=1 swift test -c release --scratch-path .build-cbm --filter DecodeThroughput`
@Suite("Decode throughput", .enabled(if: ProcessInfo.processInfo.environment["FLEETPRINT_BENCH"] == "1"))
struct DecodeThroughputTests {
    @Test("boiler messages with nine metrics, routed and decoded")
    func boiler() throws {
        let decoder = TelemetryDecoder(library: ShippedProfiles.library)
        let codec = try #require(decoder.codec(for: "boiler"))
        let start = Date(timeIntervalSince1970: 1_704_067_200)
        let payloads: [[UInt8]] = (0..<1000).map { i in
            var out: [UInt8] = []
            codec.encode(at: start.addingTimeInterval(Double(i) * 300), values: [
                .number(60 + Double(i % 7)), .number(40.5), .number(70.3 + Double(i % 13) / 10), .number(7.25), .number(1.6),
                .number(3200), .number(Double(1000 + i)), .number(1234.5 + Double(i) / 12), .label("none"),
            ], into: &out)
            return out
        }
        let topics = (0..<1000).map { "devices/boiler/boiler-\($0)/telemetry" }
        var readings = 0
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            for round in 0..<300 {
                for i in payloads.indices {
                    if let message = try? decoder.decode(topic: topics[(i + round) % topics.count], payload: payloads[i], reference: start.addingTimeInterval(300_000)) {
                        readings += message.readings.count
                    }
                }
            }
        }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        print("decode: \(300_000) messages, \(readings) readings in \(seconds) s = \(Int(Double(readings) / seconds)) readings/s, \(Int(300_000 / seconds)) msg/s")
        #expect(readings == 300_000 * 9)
    }
}
