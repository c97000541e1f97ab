/// Which event of the run produced a message, and when: the point at which the daemon's
/// feedback on that message applies, however late it arrives.
public struct EventStamp: Sendable, Hashable {
    public let time: Int64
    /// Events run so far, this one included.
    public let event: Int

    public init(time: Int64, event: Int) {
        self.time = time
        self.event = event
    }
}
