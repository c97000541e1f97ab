import FleetModel
import FleetprintTestSupport
import Foundation
import PropertyBased
import Telemetry
import Testing

@Suite("Codec properties")
struct CodecPropertyTests {
    static let profiles = ShippedProfiles.library.profiles
    let decoder = TelemetryDecoder(library: ShippedProfiles.library)

    /// A value inside the metric's declared range, chosen by `fraction`; nil when `present` is false.
    static func value(for metric: Metric, fraction: Double, present: Bool) -> ReadingValue? {
        guard present else { return nil }
        switch metric.type {
        case .enum: return .label(metric.values[Int(fraction * Double(metric.values.count)) % metric.values.count])
        case .event: return .number(fraction < 0.5 ? 0 : 1)
        case .counter: return .number((fraction * 1e6).rounded())
        case .gauge:
            guard let range = metric.range, let unit = metric.unit, let low = range.low.value(in: unit), let high = range.high.value(in: unit) else { return .number(fraction) }
            return .number(low + fraction * (high - low))
        }
    }

    @Test("encode then decode gives the same readings for every kind")
    func roundTrip() async {
        let input = Gen.int(in: 0...(Self.profiles.count - 1))
        await propertyCheck(count: 300, input: input, Gen.double(in: 0...1).array(of: 12), Gen.bool.array(of: 12),
                            Gen.int(in: 978_307_200_000...4_102_444_800_000)) { index, fractions, mask, milliseconds in
            let profile = Self.profiles[index]
            let codec = PayloadCodec(profile: profile)
            let time = Date(timeIntervalSince1970: profile.telemetry.timestampFormat == .unixSeconds
                ? Double(milliseconds / 1000) : Double(milliseconds) / 1000)
            var values = codec.metrics.indices.map { Self.value(for: codec.metrics[$0], fraction: fractions[$0], present: mask[$0]) }
            values[0] = values[0] ?? Self.value(for: codec.metrics[0], fraction: fractions[0], present: true)
            var payload: [UInt8] = []
            codec.encode(at: time, values: values, into: &payload)
            let topic = TopicRouter(profiles: [profile]).topic(for: DeviceAddress(kind: profile.kind, device: "d1"))!
            do throws(DecodeFailure) {
                let message = try decoder.decode(topic: topic, payload: payload, reference: time)
                #expect(message.time == time)
                let expected = zip(codec.metrics, values).compactMap { metric, value in value.map { (metric.id, $0) } }
                #expect(message.readings.map(\.metric) == expected.map(\.0))
                for (reading, (_, value)) in zip(message.readings, expected) {
                    switch (reading.value, value) {
                    case (.number(let got), .number(let sent)): #expect(abs(got - sent) <= 1e-9 * max(1, abs(sent)), "\(reading.metric)")
                    default: #expect(reading.value == value)
                    }
                }
            } catch {
                Issue.record("\(error.reason): \(error.detail) in \(String(decoding: payload, as: UTF8.self))")
            }
        }
    }

    @Test("arbitrary bytes never crash and give readings or a reason")
    func arbitraryBytes() async {
        await propertyCheck(count: 2000, input: Gen.uint8().array(of: 0...200)) { bytes in
            expectReadingsOrReason(bytes)
        }
    }

    @Test("damaged valid payloads never crash and give readings or a reason")
    func damagedPayloads() async {
        let valid = Array(#"{"ts":1704067200000,"t_flue":853,"err":"E\u0031\u00333","ion":5.5e0,"n":[{"x":"]"}],"p_water":1.5}"#.utf8)
        await propertyCheck(count: 2000, input: Gen.int(in: 0...valid.count), Gen.int(in: 0...(valid.count - 1)), Gen.uint8()) { cut, position, byte in
            var damaged = valid
            damaged[position] = byte
            expectReadingsOrReason(Array(damaged.prefix(cut)))
            expectReadingsOrReason(Array(valid.prefix(cut)))
        }
    }

    func expectReadingsOrReason(_ bytes: [UInt8]) {
        do throws(DecodeFailure) {
            let message = try decoder.decode(topic: "devices/boiler/b1/telemetry", payload: bytes)
            #expect(!message.readings.isEmpty)
        } catch {
            #expect(DecodeReason.allCases.contains(error.reason))
        }
    }
}
