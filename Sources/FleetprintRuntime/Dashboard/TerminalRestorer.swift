#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// The terminal's original settings, where a C signal handler and `atexit` can reach them: they
/// cannot capture context, so the state lives in one shared object. `@unchecked Sendable` because
/// this is the C boundary: the termios is written once before `armed` is set, and afterwards only
/// read by `restore`, which uses async-signal-safe calls only (`write`, `tcsetattr`).
final class TerminalRestorer: @unchecked Sendable {
    static let shared = TerminalRestorer()

    private let saved = UnsafeMutablePointer<termios>.allocate(capacity: 1)
    private let armed = Atomic<Bool>(false)
    private let installed = Atomic<Bool>(false)
    private var descriptor: Int32 = STDIN_FILENO
    private var outputDescriptor: Int32 = STDOUT_FILENO
    /// Show the cursor, leave the alternate screen, reset colours.
    private let leave: [UInt8] = Array("\u{1B}[0m\u{1B}[?25h\u{1B}[?1049l".utf8)

    /// Signals that end the process abnormally; `SIGTERM`, `SIGINT` and `SIGHUP` are handled by the job.
    private static let crashSignals: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGFPE, SIGABRT]

    /// Remembers `settings` of `input` as what to restore, and installs the crash handlers and `atexit` once.
    func arm(input: Int32, output: Int32, settings: termios) {
        descriptor = input
        outputDescriptor = output
        saved.pointee = settings
        armed.store(true, ordering: .sequentiallyConsistent)
        guard !installed.exchange(true, ordering: .sequentiallyConsistent) else { return }
        atexit { TerminalRestorer.shared.restore() }
        for number in Self.crashSignals {
            var action = sigaction()
            #if canImport(Glibc)
            action.__sigaction_handler.sa_handler = { number in
                TerminalRestorer.shared.restore()
                signal(number, SIG_DFL)
                raise(number)
            }
            #else
            action.__sigaction_u.__sa_handler = { number in
                TerminalRestorer.shared.restore()
                signal(number, SIG_DFL)
                raise(number)
            }
            #endif
            sigaction(number, &action, nil)
        }
    }

    /// Puts the terminal back, once; safe to call from a signal handler.
    func restore() {
        guard armed.exchange(false, ordering: .sequentiallyConsistent) else { return }
        leave.withUnsafeBytes { _ = write(outputDescriptor, $0.baseAddress, $0.count) }
        tcsetattr(descriptor, TCSANOW, saved)
    }
}
