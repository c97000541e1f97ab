/// One device's count of messages in an hour of event time (`FloodGuard`).
public struct FloodWindow: Sendable, Hashable, Codable {
    public internal(set) var hour: Int64
    public internal(set) var count: Int

    public init(hour: Int64, count: Int) {
        self.hour = hour
        self.count = count
    }
}
