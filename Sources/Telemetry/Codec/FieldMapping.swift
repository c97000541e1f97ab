import FleetModel

/// One metric compiled for decoding: its payload field as bytes, its scale, its valid range in
/// the metric's own unit, and its enum labels as bytes, so the hot path compares bytes only.
/// A final class of constants: the codec walks its mappings for every payload, and passing one
/// round then costs one retain instead of a copy of every field.
final class FieldMapping: Sendable {
    let metric: Metric
    let field: [UInt8]
    /// Valid range in the metric's unit; counters and events are at least zero.
    let low: Double
    let high: Double
    let labels: [(bytes: [UInt8], value: ReadingValue)]
    /// For a decimal scale such as 0.1, its inverse (10): 853 / 10 is exactly 85.3, 853 x 0.1 is not.
    let divisor: Double?

    init(metric: Metric) {
        self.metric = metric
        field = Array(metric.field.utf8)
        let floor: Double = metric.type == .gauge ? -.infinity : 0
        if let range = metric.range, let unit = metric.unit {
            low = max(floor, range.low.value(in: unit) ?? -.infinity)
            high = range.high.value(in: unit) ?? .infinity
        } else {
            (low, high) = (floor, .infinity)
        }
        labels = metric.values.map { (Array($0.utf8), .label($0)) }
        let inverse = (1 / metric.scale).rounded()
        divisor = inverse > 1 && abs(inverse * metric.scale - 1) < 1e-12 ? inverse : nil
    }

    /// The reading's value, or why the payload's value is unusable; nil for `null` (field not sent).
    func value(of json: JSONValue, in payload: UnsafeRawBufferPointer) throws(DecodeFailure) -> ReadingValue? {
        switch (metric.type, json) {
        case (_, .null):
            return nil
        case (_, .nonFinite):
            throw DecodeFailure(.notFinite, field: metric.field, "not a finite number")
        case (.enum, .string(let text)):
            guard let label = labels.first(where: { text.equals($0.bytes, in: payload) }) else {
                throw DecodeFailure(.unknownLabel, field: metric.field, "'\(text.text(in: payload))' is not one of \(metric.values)")
            }
            return label.value
        case (.event, .bool(let happened)):
            return .number(happened ? 1 : 0)
        case (.gauge, .number(let raw)), (.counter, .number(let raw)), (.event, .number(let raw)):
            let value = divisor.map { raw / $0 } ?? raw * metric.scale
            guard value.isFinite else { throw DecodeFailure(.notFinite, field: metric.field, "\(raw) x \(metric.scale) overflows") }
            guard value >= low, value <= high else {
                throw DecodeFailure(.outOfRange, field: metric.field, "\(value) outside [\(low), \(high)]")
            }
            return .number(value)
        default:
            throw DecodeFailure(.wrongType, field: metric.field, "expected \(metric.type == .enum ? "a string label" : "a number") for a \(metric.type.rawValue), got a \(json.typeName)")
        }
    }

    func encode(_ value: ReadingValue, into out: inout [UInt8]) {
        switch value {
        case .number(let number): JSONWriter.append(number: divisor.map { number * $0 } ?? number / metric.scale, to: &out)
        case .label(let label): JSONWriter.append(string: label, to: &out)
        }
    }
}
