/// A sample's value: a number for gauges, counters and events, a label for enum metrics.
public enum ReadingValue: Sendable, Hashable, Codable {
    case number(Double)
    case label(String)

    public var number: Double? {
        if case .number(let value) = self { value } else { nil }
    }

    public var label: String? {
        if case .label(let value) = self { value } else { nil }
    }
}
