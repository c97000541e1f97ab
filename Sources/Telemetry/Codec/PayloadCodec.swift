import FleetModel
import Foundation

/// A kind's payload format, from its profile's telemetry schema: decodes a device's flat JSON
/// object into readings (daemon) and writes readings back in exactly that shape (simulator).
public struct PayloadCodec: Sendable {
    public let kind: String
    public let timestampField: String
    private let timestampKey: [UInt8]
    private let timestamp: TimestampCodec
    private let fields: [FieldMapping]

    public init(schema: TelemetrySchema, kind: String) {
        self.kind = kind
        timestampField = schema.timestampField
        timestampKey = Array(schema.timestampField.utf8)
        timestamp = TimestampCodec(format: schema.timestampFormat)
        fields = schema.metrics.map(FieldMapping.init)
    }

    public init(profile: DeviceProfile) {
        self.init(schema: profile.telemetry, kind: profile.kind)
    }

    /// The metrics in schema order: the order `encode(at:values:)` expects.
    public var metrics: [Metric] { fields.map(\.metric) }

    // MARK: Decoding

    /// Decodes one payload. `reference` (the fleet's event-time watermark) bounds how old the
    /// timestamp may be; how new, the later of it and `receivedAt` (when the message arrived), so
    /// the first message after a quiet night is not "ahead" of a stale watermark, and a sped-up
    /// simulation is not "ahead" of the wall clock. Nil for both checks only that the time is
    /// plausible. One bad field rejects the message, so a reading is never half-believed. Unknown
    /// fields are ignored.
    public func decode(_ payload: [UInt8], device: String, reference: Date? = nil, receivedAt: Date? = nil, limits: DecodeLimits = DecodeLimits()) throws(DecodeFailure) -> DecodedMessage {
        let message = try parse(payload, device: device, limits: limits)
        try Self.check(message, reference: reference, receivedAt: receivedAt, limits: limits)
        return message
    }

    /// The half of `decode` that needs nothing but the payload, so it can run on another thread
    /// than the fleet's state: `check` then judges its time against the watermark.
    public func parse(_ payload: [UInt8], device: String, limits: DecodeLimits = DecodeLimits()) throws(DecodeFailure) -> DecodedMessage {
        try limits.checkSize(of: payload)
        return try parseSized(payload, device: device)
    }

    /// `parse` of a payload whose size was checked already (each check runs once per message).
    func parseSized(_ payload: [UInt8], device: String) throws(DecodeFailure) -> DecodedMessage {
        try payload.withUnsafeBytes { bytes in
            Result { () throws(DecodeFailure) in try parse(bytes, device: device) }
        }.get()
    }

    private func parse(_ payload: UnsafeRawBufferPointer, device: String) throws(DecodeFailure) -> DecodedMessage {
        var scanner = JSONScanner(payload)
        try scanner.beginObject()
        var time: Date?
        var readings: [Reading] = []
        readings.reserveCapacity(fields.count)
        // Devices usually send their fields in schema order: try the one after the last match first.
        var expected = 0
        while let key = try scanner.nextKey() {
            let value = try scanner.value()
            if key.equals(timestampKey, in: payload) {
                time = try timestamp.decode(value, in: payload)
            } else if let index = field(named: key, in: payload, from: expected) {
                expected = index + 1
                let mapping = fields[index]
                if let reading = try mapping.value(of: value, in: payload) {
                    readings.append(Reading(device: device, kind: kind, metric: mapping.metric.id, time: .distantPast, value: reading, schemaIndex: index))
                }
            }
        }
        try scanner.end()
        guard let time else { throw DecodeFailure(.missingTimestamp, field: timestampField, "no '\(timestampField)' field") }
        for index in readings.indices { readings[index].time = time }
        return DecodedMessage(address: DeviceAddress(kind: kind, device: device), time: time, readings: readings, timestampField: timestampField)
    }

    private func field(named key: JSONString, in payload: UnsafeRawBufferPointer, from expected: Int) -> Int? {
        if expected < fields.count, key.equals(fields[expected].field, in: payload) { return expected }
        return fields.firstIndex { key.equals($0.field, in: payload) }
    }

    /// The other half of `decode`: a parsed message's time against the fleet's event time, then
    /// whether it carries any metric at all. Needs no codec: the message names its timestamp field.
    public static func check(_ message: DecodedMessage, reference: Date?, receivedAt: Date?, limits: DecodeLimits = DecodeLimits()) throws(DecodeFailure) {
        let (time, timestampField) = (message.time, message.timestampField)
        if let reference, time < reference.addingTimeInterval(-limits.maxAge) {
            throw DecodeFailure(.tooOld, field: timestampField, "\(time) is older than \(reference) by more than \(limits.maxAge) s")
        }
        let front: Date? = switch (reference, receivedAt) {
        case let (watermark?, arrival?): max(watermark, arrival)
        case let (watermark, arrival): watermark ?? arrival
        }
        if let front, time > front.addingTimeInterval(limits.maxLead) {
            throw DecodeFailure(.tooNew, field: timestampField, "\(time) is ahead of \(front) by more than \(limits.maxLead) s")
        }
        guard !message.readings.isEmpty else { throw DecodeFailure(.noMetrics, "no known metric field") }
    }

    // MARK: Encoding

    /// Appends one payload to `out`: the timestamp, then each non-nil value under its metric's
    /// field, divided by the metric's scale. `values` is aligned with `metrics`.
    public func encode(at time: Date, values: [ReadingValue?], into out: inout [UInt8]) {
        out.append(UInt8(ascii: "{"))
        JSONWriter.append(string: timestampField, to: &out)
        out.append(UInt8(ascii: ":"))
        timestamp.encode(time, into: &out)
        for (mapping, value) in zip(fields, values) {
            guard let value else { continue }
            out.append(UInt8(ascii: ","))
            JSONWriter.append(string: mapping.metric.field, to: &out)
            out.append(UInt8(ascii: ":"))
            mapping.encode(value, into: &out)
        }
        out.append(UInt8(ascii: "}"))
    }

    /// The payload a device would send for these readings at `time`; readings of metrics the
    /// schema lacks are left out, a later reading of the same metric wins.
    public func encode(_ readings: [Reading], at time: Date) -> [UInt8] {
        var values = [ReadingValue?](repeating: nil, count: fields.count)
        for reading in readings {
            if let index = fields.firstIndex(where: { $0.metric.id == reading.metric }) { values[index] = reading.value }
        }
        var out: [UInt8] = []
        encode(at: time, values: values, into: &out)
        return out
    }
}
