import CReadAhead

/// libmosquitto's reads of its plain TCP sockets in this process, served from the read-ahead
/// (`read_ahead.h`), and the reads of the kernel that filled it: their ratio is how many system
/// calls a message no longer costs. Process-wide totals since start.
public struct SocketReads: Sendable, Equatable {
    public var served: Int
    public var fromKernel: Int

    public init(served: Int, fromKernel: Int) {
        self.served = served
        self.fromKernel = fromKernel
    }

    public static var sinceStart: SocketReads {
        SocketReads(served: Int(fleetprint_read_ahead_served()), fromKernel: Int(fleetprint_read_ahead_filled()))
    }
}
