import Dispatch
import Foundation

/// Turns SIGINT and SIGTERM into a call, so a command can stop its work, flush and print a summary
/// instead of dying mid-write. The trap holds until it is released.
public final class SignalTrap {
    private let sources: [any DispatchSourceSignal]

    public init(_ signals: [Int32] = [SIGINT, SIGTERM], handler: @escaping @Sendable (Int32) -> Void) {
        sources = signals.map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { handler(number) }
            source.resume()
            return source
        }
    }

    deinit {
        for source in sources { source.cancel() }
    }
}
