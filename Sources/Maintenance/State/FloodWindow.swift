import Foundation

/// One device's count of messages in an hour of event time, which the pipeline caps
/// (`FloodGuard`). Kept in the device's `DeviceState`, so a message finds all of its device with
/// one lookup and a device that was never admitted leaves nothing behind; eight bytes.
public struct FloodWindow: Sendable, Hashable, Codable {
    static let length: TimeInterval = 3600

    /// Hours since 1970; -1 before the first message.
    public private(set) var hour: Int32
    public private(set) var count: Int32

    public init(hour: Int64 = -1, count: Int = 0) {
        self.hour = Int32(clamping: hour)
        self.count = Int32(clamping: count)
    }

    /// Counts a message sent at `time`; false when that makes more than `limit` in its hour. A late
    /// message from an earlier hour is the engine's to judge (stale or not), so it passes uncounted.
    public mutating func admit(at time: Date, limit: Int) -> Bool {
        let hour = Int32(clamping: Int64((time.timeIntervalSince1970 / Self.length).rounded(.down)))
        if self.hour < hour { (self.hour, count) = (hour, 0) }
        guard self.hour == hour else { return true }
        count &+= 1
        return Int(count) <= limit
    }
}
