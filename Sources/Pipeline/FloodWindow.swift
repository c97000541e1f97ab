/// One device's count of messages in an hour of event time (`FloodGuard`).
public struct FloodWindow: Sendable, Hashable, Codable {
    var hour: Int64
    var count: Int
}
