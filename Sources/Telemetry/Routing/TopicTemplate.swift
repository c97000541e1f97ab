/// A profile's topic template (`devices/boiler/{device}/telemetry`, `buildings/+/facade/{device}`)
/// parsed once into segments, so matching a topic walks its bytes without splitting or allocating.
public struct TopicTemplate: Sendable, Hashable {
    enum Segment: Sendable, Hashable {
        case literal([UInt8])
        /// `+`: any one level (a building id the daemon does not need).
        case anyLevel
        case device
    }

    public let kind: String
    public let template: String
    let segments: [Segment]

    public init(kind: String, template: String) {
        self.kind = kind
        self.template = template
        segments = template.split(separator: "/", omittingEmptySubsequences: false).map { level in
            switch level {
            case "{device}": .device
            case "+": .anyLevel
            default: .literal(Array(level.utf8))
            }
        }
    }

    /// The MQTT subscription filter: `{device}` becomes `+`.
    public var filter: String {
        template.replacingOccurrences(of: "{device}", with: "+")
    }

    /// The device id when `topic` matches; nil otherwise. An empty device level never matches.
    public func device(in topic: String) -> String? {
        var topic = topic
        return topic.withUTF8 { device(in: UnsafeRawBufferPointer($0)) }
    }

    private func device(in bytes: UnsafeRawBufferPointer) -> String? {
        var start = 0
        var device: String?
        for (index, segment) in segments.enumerated() {
            var end = start
            while end < bytes.count, bytes[end] != UInt8(ascii: "/") { end += 1 }
            let level = UnsafeRawBufferPointer(rebasing: bytes[start..<end])
            switch segment {
            case .literal(let literal):
                guard literal.elementsEqual(level) else { return nil }
            case .anyLevel:
                break
            case .device:
                guard !level.isEmpty else { return nil }
                device = String(decoding: level, as: UTF8.self)
            }
            let isLast = index == segments.count - 1
            guard isLast ? end == bytes.count : end < bytes.count else { return nil }
            start = end + 1
        }
        return device
    }

    /// A concrete topic for `device`, for the simulator; `+` levels take `level` (a building id).
    public func topic(device: String, level: String = "0") -> String {
        segments.map { segment in
            switch segment {
            case .literal(let bytes): String(decoding: bytes, as: UTF8.self)
            case .anyLevel: level
            case .device: device
            }
        }.joined(separator: "/")
    }
}
