/// A key press the dashboard understands, decoded from the terminal's bytes.
public enum Key: Sendable, Equatable {
    case tab
    case backTab
    case up
    case down
    case left
    case right
    case enter
    case escape
    case backspace
    /// Ctrl-C or Ctrl-D: raw mode turns them into bytes rather than signals.
    case interrupt
    case character(Character)
}
