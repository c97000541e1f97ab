import Foundation

/// Progress of a long run on stderr: on a terminal a bar redrawn in place (simulated time,
/// devices, messages/s, time left), otherwise a plain line every few seconds for logs.
public struct ProgressReporter {
    private let interactive = isatty(STDERR_FILENO) != 0
    private let clock = ContinuousClock()
    private let started: ContinuousClock.Instant
    private var lastDraw: ContinuousClock.Instant
    private let label: String

    public init(label: String) {
        self.label = label
        started = clock.now
        lastDraw = started
    }

    /// Cheap to call per message: looks at the clock once every 4096 messages.
    public mutating func update(fraction: Double, eventTime: Double?, devices: Int, messages: Int) {
        guard messages & 0xFFF == 0 else { return }
        let now = clock.now
        guard now - lastDraw >= (interactive ? .milliseconds(200) : .seconds(5)) else { return }
        lastDraw = now
        write(line(fraction: fraction, eventTime: eventTime, devices: devices, messages: messages, at: now), final: false)
    }

    /// The last line, kept on screen.
    public func finish(fraction: Double, eventTime: Double?, devices: Int, messages: Int) {
        write(line(fraction: fraction, eventTime: eventTime, devices: devices, messages: messages, at: clock.now), final: true)
    }

    public var elapsedSeconds: Double { Self.seconds(clock.now - started) }

    private func line(fraction: Double, eventTime: Double?, devices: Int, messages: Int, at now: ContinuousClock.Instant) -> String {
        let elapsed = Self.seconds(now - started)
        let rate = elapsed > 0 ? Double(messages) / elapsed : 0
        let left = fraction > 0 ? elapsed * (1 - fraction) / fraction : 0
        let date = eventTime.map { String(ISO8601DateFormatter().string(from: Date(timeIntervalSince1970: $0)).prefix(10)) } ?? "-"
        let stats = "\(date)  \(devices) devices  \(messages) msgs  \(Int(rate)) msg/s  \(Int(left)) s left"
        guard interactive else { return "\(label): \(Int(fraction * 100)) %  \(stats)" }
        let width = 30
        let filled = Int(fraction * Double(width))
        return "\(label) [" + String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled) + "] \(Int(fraction * 100)) %  \(stats)"
    }

    private func write(_ line: String, final: Bool) {
        let text = interactive ? "\r\u{1B}[K" + line + (final ? "\n" : "") : line + "\n"
        FileHandle.standardError.write(Data(text.utf8))
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
