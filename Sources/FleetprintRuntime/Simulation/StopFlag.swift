import Synchronization

/// Set from a signal handler, read by a long loop between messages: Ctrl-C ends the loop at a
/// message boundary, so files are complete and the summary is printed.
public final class StopFlag: Sendable {
    private let stopped = Atomic<Bool>(false)

    public init() {}

    public var isSet: Bool { stopped.load(ordering: .relaxed) }

    public func set() {
        stopped.store(true, ordering: .relaxed)
    }

    /// A flag that SIGINT and SIGTERM set, with the trap that must be kept alive as long as it is needed.
    public static func onSignals() -> (StopFlag, SignalTrap) {
        let flag = StopFlag()
        return (flag, SignalTrap { _ in flag.set() })
    }
}
