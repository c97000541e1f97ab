import FleetModel
import FleetprintTestSupport
import Foundation
import Telemetry
import Testing

@Suite("Payload decoding")
struct PayloadDecodingTests {
    let decoder = TelemetryDecoder(library: ShippedProfiles.library, limits: DecodeLimits(maxPayloadBytes: 512, maxAge: 86_400, maxLead: 600))
    let topic = "devices/boiler/b1/telemetry"
    /// 2024-01-01T00:00:00Z
    let reference = Date(timeIntervalSince1970: 1_704_067_200)

    func decode(_ json: String, topic: String? = nil) throws(DecodeFailure) -> DecodedMessage {
        try decoder.decode(topic: topic ?? self.topic, payload: Array(json.utf8), reference: reference)
    }

    @Test("field mapping, scale, enum labels and the unix-ms timestamp")
    func boiler() throws {
        let message = try decode(#"{"ts":1704067200000,"t_flue":853,"err":"E133","ion":5.5,"extra":{"a":[1,2]}}"#)
        #expect(message.time == reference)
        #expect(message.address == DeviceAddress(kind: "boiler", device: "b1"))
        let values = Dictionary(uniqueKeysWithValues: message.readings.map { ($0.metric, $0.value) })
        #expect(values == ["flue_gas_temperature": .number(85.3), "error_code": .label("E133"), "ionisation_current": .number(5.5)])
        #expect(message.readings.allSatisfy { $0.time == reference && $0.device == "b1" })
    }

    @Test("each reading carries its metric's place in the kind's schema, for the rule engine")
    func schemaIndex() throws {
        let message = try decode(#"{"ion":5.5,"ts":1704067200000,"t_flue":853}"#)
        let schema = ShippedProfiles.profile("boiler").telemetry.metrics.map(\.id)
        #expect(!message.readings.isEmpty)
        for reading in message.readings { #expect(reading.schemaIndex.map { schema[$0] } == reading.metric) }
    }

    @Test("ISO 8601 timestamps with offsets and fractions")
    func iso8601() throws {
        let message = try decode(#"{"time":"2024-01-01T01:30:00.250+01:30","soc":50}"#, topic: "devices/ebike/e1/battery")
        #expect(message.time == reference.addingTimeInterval(0.25))
    }

    @Test("every bad-input class is classified", arguments: [
        (#"{"ts":1704067200000,"t_flue":"hot"}"#, DecodeReason.wrongType),
        (#"{"ts":1704067200000,"t_flue":853"#, .truncated),
        (#"{"ts":1704067200000,"t_flue":853,}"#, .malformed),
        (#"{"ts":1704067200000 "t_flue":853}"#, .malformed),
        (#"[1,2]"#, .malformed),
        (#"{"ts":1704067200000,"t_flue":NaN}"#, .notFinite),
        (#"{"ts":1704067200000,"t_flue":-Infinity}"#, .notFinite),
        (#"{"ts":1704067200000,"t_flue":1e400}"#, .notFinite),
        (#"{"ts":1704067200000,"t_flue":2500}"#, .outOfRange),
        (#"{"ts":1704067200000,"starts":-1}"#, .outOfRange),
        (#"{"ts":1704067200000,"err":"E999"}"#, .unknownLabel),
        (#"{"t_flue":853}"#, .missingTimestamp),
        (#"{"ts":"yesterday","t_flue":853}"#, .badTimestamp),
        (#"{"ts":1604067200000,"t_flue":853}"#, .tooOld),
        (#"{"ts":1704077200000,"t_flue":853}"#, .tooNew),
        (#"{"ts":1704067200000,"unknown":1}"#, .noMetrics),
        (#"{"ts":1704067200000,"t_flue":853}    x"#, .malformed),
        ("", .truncated),
    ])
    func classified(json: String, reason: DecodeReason) {
        #expect(throws: DecodeFailure.self) { try decode(json) }
        do {
            _ = try decode(json)
        } catch {
            #expect(error.reason == reason, "\(json): \(error.detail)")
        }
    }

    @Test("unknown topics and oversized payloads are classified before parsing")
    func envelope() {
        #expect(reason { () throws(DecodeFailure) in try decode(#"{"ts":1}"#, topic: "elsewhere/b1") } == .unknownTopic)
        #expect(reason { () throws(DecodeFailure) in try decode("{" + String(repeating: " ", count: 600) + "}") } == .tooLarge)
        #expect(reason { () throws(DecodeFailure) in try decoder.decode([], from: DeviceAddress(kind: "toaster", device: "t")) } == .unknownKind)
    }

    func reason(_ body: () throws(DecodeFailure) -> DecodedMessage) -> DecodeReason? {
        do {
            _ = try body()
            return nil
        } catch {
            return error.reason
        }
    }
}
