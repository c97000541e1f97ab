#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dashboard
import Foundation
import Impact

/// `fleetprint dashboard` and `fleetprint run --dashboard`: one loop owns the aggregator and the
/// view state, fed by summaries, keys, resizes and a ticker. Full screen redraws at most every
/// `interval` for new summaries (at once for keys and resizes) and writes only changed frames;
/// line modes print one line per interval.
public struct DashboardJob: Sendable {
    public var output: DashboardOutput
    /// Seconds between redraws or lines.
    public var interval: Double

    public init(output: DashboardOutput = .auto, interval: Double = 1) {
        self.output = output
        self.interval = max(interval, 0.2)
    }

    /// Subscribes to the summaries of the instances `filter` matches (`+` for all) on `broker`.
    public func run(broker: BrokerSettings, instances filter: String) async throws {
        let feed = try await ImpactFeed.subscribe(broker, instances: filter)
        defer { feed.client.close() }
        await run(summaries: feed.summaries, devices: feed.devices)
    }

    /// The daemon in the background and the dashboard in front; quitting the dashboard stops the
    /// daemon as SIGTERM does. Full screen sends the daemon's log to `log` so it cannot scribble on the screen.
    public func run(alongside launcher: DaemonLauncher, log: URL) async throws -> Bool {
        if output == .auto, isatty(STDOUT_FILENO) == 1, isatty(STDIN_FILENO) == 1 {
            try FileManager.default.createDirectory(at: log.deletingLastPathComponent(), withIntermediateDirectories: true)
            let file = open(log.path, O_WRONLY | O_CREAT | O_APPEND, 0o644)
            guard file >= 0, dup2(file, STDERR_FILENO) >= 0 else { throw DashboardError("cannot write the daemon's log to \(log.path)") }
            close(file)
        }
        let (summaries, feed) = AsyncStream.makeStream(of: DaemonSummary.self, bufferingPolicy: .bufferingNewest(16))
        let daemon = Task {
            defer { feed.finish() }
            return try await launcher.run(onSummary: { feed.yield($0) })
        }
        await run(summaries: summaries)
        kill(getpid(), SIGTERM)
        return try await daemon.value
    }

    /// Runs until `q`, Ctrl-C, SIGINT/SIGTERM/SIGHUP, or the end of `summaries`; `devices` fill
    /// the device list (a dashboard in the daemon's process has none: it reads no broker).
    func run(summaries: AsyncStream<DaemonSummary>, devices: AsyncStream<InstanceDevice>? = nil) async {
        let (events, post) = AsyncStream.makeStream(of: DashboardEvent.self, bufferingPolicy: .bufferingNewest(256))
        let stopKeys = StopFlag()
        let terminal = output == .auto ? TerminalSession() : nil
        let signals = SignalTrap([SIGINT, SIGTERM, SIGHUP]) { _ in post.yield(.stop) }
        let resizes = SignalTrap([SIGWINCH]) { _ in post.yield(.resize) }
        let tasks = [
            Task {
                for await summary in summaries { post.yield(.summary(summary)) }
                post.yield(.stop)
            },
            Task {
                guard let devices else { return }
                for await device in devices { post.yield(.device(device)) }
            },
            Task { [input = terminal?.input] in
                guard let input else { return }
                for await key in KeyReader.keys(from: input, until: stopKeys) { post.yield(.key(key)) }
            },
            Task { [interval] in
                while !Task.isCancelled {
                    try? await Task.sleep(for: .seconds(interval))
                    post.yield(.tick)
                }
            },
        ]
        defer {
            stopKeys.set()
            tasks.forEach { $0.cancel() }
            terminal?.close()
            withExtendedLifetime((signals, resizes)) {}
        }
        if let terminal {
            await screen(terminal, events)
        } else {
            await lines(events, json: output == .json)
        }
    }

    private func screen(_ terminal: TerminalSession, _ events: AsyncStream<DashboardEvent>) async {
        let renderer = ScreenRenderer(colour: ProcessInfo.processInfo.environment["NO_COLOR"] == nil)
        var aggregator = SummaryAggregator()
        var book = DeviceBook()
        var state = DashboardState()
        // What is on screen: the latest, or what was there when `p` paused it.
        var shown = (aggregator.aggregate, book)
        var dirty = false
        terminal.draw(renderer.render(shown.0, state: state, size: terminal.size, devices: shown.1), clear: true)
        for await event in events {
            var clear = false
            switch event {
            case .summary(let summary):
                aggregator.receive(summary)
                dirty = true
                continue
            case .device(let device):
                book.receive(device.detail, instance: device.instance)
                dirty = true
                continue
            case .key(let key):
                let (aggregate, devices) = shown
                state.handle(key, kinds: aggregate.kinds.map(\.name), orders: aggregate.orders(of: state.scope),
                             devices: state.page == .devices ? devices.list(kind: state.scope, filter: state.filter, sort: state.sort) : [])
                if state.quit { return }
            case .resize:
                clear = true
            case .tick:
                guard dirty else { continue }
            case .stop:
                return
            }
            dirty = false
            if !state.paused { shown = (aggregator.aggregate, book) }
            terminal.draw(renderer.render(shown.0, state: state, size: terminal.size, devices: shown.1), clear: clear)
        }
    }

    private func lines(_ events: AsyncStream<DashboardEvent>, json: Bool) async {
        var aggregator = SummaryAggregator()
        for await event in events {
            switch event {
            case .summary(let summary):
                aggregator.receive(summary)
            case .tick:
                let record = StatusRecord(aggregator.aggregate)
                // Unbuffered, so a pipe sees each line when it is due; a closed pipe ends the dashboard.
                guard DescriptorWriter.write((json ? (try? record.json()) ?? "{}" : record.plain) + "\n", to: STDOUT_FILENO) else { return }
            case .stop:
                return
            case .key, .resize, .device:
                continue
            }
        }
    }
}
