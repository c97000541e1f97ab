import Foundation

/// A private mosquitto on a free loopback port, for `make run` and the integration tests.
///
/// Its configuration is `Config/mosquitto/local.conf` with the port and user filled in, plus any extra
/// lines (a TLS listener, a password file). It runs in a folder of its own whose name carries
/// `fleetprint-broker-` and the `FLEETPRINT_RUN_TAG` of the run that started it, so that run (and
/// only that run) can find and stop its leftovers after a crash.
public final class LocalBroker: @unchecked Sendable {
    // @unchecked: `process` is only touched under `lock`; Foundation's Process is not Sendable.
    public let port: Int
    public let directory: URL
    private let configurationFile: URL
    private let lock = NSLock()
    private var process: Process?

    public var url: String { "mqtt://127.0.0.1:\(port)" }

    /// `<tag>-` from `FLEETPRINT_RUN_TAG` (set by `make test`), else empty.
    static var runTag: String {
        ProcessInfo.processInfo.environment["FLEETPRINT_RUN_TAG"].map { "\($0)-" } ?? ""
    }

    /// Writes the configuration; `extraConfiguration` may use `@DIR@` for the broker's folder.
    public init(template: URL, port: Int? = nil, extraConfiguration: String = "") throws {
        self.port = try port ?? FreePort.loopback()
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("fleetprint-broker-\(Self.runTag)\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        guard let text = try? String(contentsOf: template, encoding: .utf8) else {
            throw LocalBrokerError("cannot read the broker template \(template.path)")
        }
        let configuration = (text + "\n" + extraConfiguration + "\n")
            .replacingOccurrences(of: "@PORT@", with: String(self.port))
            .replacingOccurrences(of: "@DIR@", with: directory.path)
            .replacingOccurrences(of: "@USER@", with: NSUserName())
        configurationFile = directory.appendingPathComponent("mosquitto.conf")
        try configuration.write(to: configurationFile, atomically: true, encoding: .utf8)
    }

    deinit {
        stop()
        try? FileManager.default.removeItem(at: directory)
    }

    /// Starts mosquitto and waits until it accepts connections on `port`.
    public func start(timeout: Duration = .seconds(10)) throws {
        guard let executable = Self.mosquittoExecutable() else {
            throw LocalBrokerError("mosquitto is not installed: apt-get install -y mosquitto (or run `make test`, which does it)")
        }
        let log = directory.appendingPathComponent("mosquitto.log")
        let process = try ServerProcess.launch(executable, configuration: configurationFile, log: log)
        lock.withLock { self.process = process }
        let deadline = ContinuousClock.now + timeout
        while !FreePort.isListening(port) {
            guard process.isRunning, ContinuousClock.now < deadline else {
                stop()
                let output = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
                throw LocalBrokerError("mosquitto did not start on port \(port): \(output)")
            }
            usleep(10_000)
        }
    }

    /// Stops mosquitto and waits for it; safe to call more than once.
    ///
    /// SIGKILL, not SIGTERM: a child started from a Swift concurrency thread inherits that thread's
    /// blocked signals, and mosquitto waits in `pselect` with the mask it inherited, so SIGTERM may
    /// never arrive. The broker keeps nothing on disk, so nothing is lost.
    public func stop() {
        guard let process = lock.withLock({ defer { self.process = nil }; return self.process }) else { return }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    /// Freezes mosquitto (SIGSTOP) or lets it go on (SIGCONT): a broker that takes what is sent
    /// and answers nothing for a while, as a saturated one does (tests of what waits for answers).
    public func freeze(_ frozen: Bool) {
        guard let process = lock.withLock({ self.process }), process.isRunning else { return }
        kill(process.processIdentifier, frozen ? SIGSTOP : SIGCONT)
    }

    static func mosquittoExecutable() -> String? {
        ["/usr/sbin/mosquitto", "/usr/bin/mosquitto", "/usr/local/sbin/mosquitto"]
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
