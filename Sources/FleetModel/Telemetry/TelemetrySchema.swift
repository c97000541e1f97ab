import Yams

/// The telemetry a device kind sends: where (topic templates with `{device}`), when (the payload's
/// timestamp field) and what (metrics). A real device's JSON maps through this without code.
public struct TelemetrySchema: Sendable, Hashable {
    /// Topic templates; `{device}` marks the device id, e.g. `devices/boiler/{device}/telemetry`.
    public var topics: [String]
    /// Payload field holding the event time.
    public var timestampField: String
    public var timestampFormat: TimestampFormat
    public var metrics: [Metric]
    public var source: String

    /// The most metrics a kind may have: the engine numbers a device's trend slices by metric in one byte.
    public static let metricLimit = 256

    public init(topics: [String], timestampField: String, timestampFormat: TimestampFormat, metrics: [Metric], source: String) {
        self.topics = topics
        self.timestampField = timestampField
        self.timestampFormat = timestampFormat
        self.metrics = metrics
        self.source = source
    }

    public func metric(_ name: String) -> Metric? {
        metrics.first { $0.id == name }
    }

    init?(reading r: NodeReader) {
        r.allowOnly(["topics", "timestamp", "timestamp_format", "metrics", "source"])
        let topics = r.required("topics", expected: "topic templates with {device}") { $0.strings }
        if let topics {
            for (index, topic) in topics.enumerated() where !topic.contains("{device}") {
                r.log.add(at: r.path("topics[\(index)]"), "topic template '\(topic)' has no {device} placeholder")
            }
        }
        let timestampField = r.required("timestamp", expected: "the payload field with the event time") { $0.string }
        let timestampFormat = r.optional("timestamp_format") { $0.choice(TimestampFormat.self) } ?? .iso8601
        let metrics = r.section("metrics", of: Metric.self)
        if metrics.isEmpty, r.child("metrics") == nil { r.log.add(line: r.line, field: r.path("metrics"), "missing; expected at least one metric") }
        let source = r.required("source", expected: "a source id") { $0.string }
        guard let topics, let timestampField, let source else { return nil }
        self.init(topics: topics, timestampField: timestampField, timestampFormat: timestampFormat, metrics: metrics, source: source)
    }

    var node: Node {
        var b = NodeBuilder()
        b.add("topics", Node(topics.map { Node($0) }))
        b.add("timestamp", timestampField)
        b.add("timestamp_format", timestampFormat)
        b.add("metrics", section: metrics)
        b.add("source", source)
        return b.node
    }
}
