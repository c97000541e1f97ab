/// One screen line as styled spans. Widths count characters: the dashboard writes only
/// single-column characters (ASCII, box drawing and block elements).
public struct StyledLine: Sendable, Equatable {
    public var spans: [(text: String, style: Style)]

    public init(_ text: String = "", _ style: Style = .plain) {
        spans = text.isEmpty ? [] : [(text, style)]
    }

    public var width: Int { spans.reduce(0) { $0 + $1.text.count } }

    public var text: String { spans.map(\.text).joined() }

    /// Appends text; `+=` keeps lines readable where they are built.
    public static func += (line: inout StyledLine, span: (String, Style)) {
        if !span.0.isEmpty { line.spans.append((span.0, span.1)) }
    }

    public static func += (line: inout StyledLine, text: String) {
        line += (text, .plain)
    }

    /// Cut to `columns` and padded with spaces to exactly `columns`.
    public func fitted(to columns: Int) -> StyledLine {
        var fitted = StyledLine()
        var left = columns
        for span in spans where left > 0 {
            let text = String(span.text.prefix(left))
            fitted += (text, span.style)
            left -= text.count
        }
        fitted += String(repeating: " ", count: max(left, 0))
        return fitted
    }

    /// The line as terminal text, with SGR escapes when `colour` is on.
    public func rendered(colour: Bool) -> String {
        guard colour else { return text }
        return spans.map { $0.style == .plain ? $0.text : "\u{1B}[\($0.style.sgr)m\($0.text)\u{1B}[0m" }.joined()
    }

    public static func == (lhs: StyledLine, rhs: StyledLine) -> Bool {
        lhs.spans.map(\.text) == rhs.spans.map(\.text) && lhs.spans.map(\.style) == rhs.spans.map(\.style)
    }
}
