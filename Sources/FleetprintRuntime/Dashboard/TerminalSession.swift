#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dashboard

/// A full-screen session on the controlling terminal: raw input, the alternate screen and a
/// hidden cursor, undone by `close`, at exit, and on a crash (`TerminalRestorer`).
final class TerminalSession {
    let input: Int32
    let output: Int32
    private var lastFrame: [String] = []

    /// nil when standard input or output is not a terminal.
    init?(input: Int32 = STDIN_FILENO, output: Int32 = STDOUT_FILENO) {
        guard isatty(input) == 1, isatty(output) == 1 else { return nil }
        self.input = input
        self.output = output
        var original = termios()
        guard tcgetattr(input, &original) == 0 else { return nil }
        TerminalRestorer.shared.arm(input: input, output: output, settings: original)
        var raw = original
        cfmakeraw(&raw)
        // Keep output post-processing off as cfmakeraw sets it: frames end lines with \r\n themselves.
        tcsetattr(input, TCSANOW, &raw)
        send("\u{1B}[?1049h\u{1B}[?25l\u{1B}[2J")
    }

    /// The terminal's size, or 80x24 when it cannot say.
    var size: ScreenSize {
        var window = winsize()
        guard ioctl(output, UInt(TIOCGWINSZ), &window) == 0, window.ws_col > 0, window.ws_row > 0 else { return .minimum }
        return ScreenSize(columns: Int(window.ws_col), rows: Int(window.ws_row))
    }

    /// Draws `lines` over the whole screen, writing only when the frame changed; `clear` after a resize.
    func draw(_ lines: [String], clear: Bool) {
        guard clear || lines != lastFrame else { return }
        lastFrame = lines
        send((clear ? "\u{1B}[2J" : "") + "\u{1B}[H" + lines.joined(separator: "\r\n"))
    }

    func close() {
        TerminalRestorer.shared.restore()
    }

    private func send(_ text: String) {
        DescriptorWriter.write(text, to: output)
    }
}
