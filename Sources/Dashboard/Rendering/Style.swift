import Impact

/// How a span of text is shown when colour is on; with colour off every style is plain text, so
/// nothing a style says is lost (rose classes are also written out).
public enum Style: Sendable, Equatable {
    case plain
    case bold
    case dim
    /// The selected row.
    case selected
    case alarm
    case alert
    case rose(RoseClass)

    /// The SGR parameters of the style.
    var sgr: String {
        switch self {
        case .plain: "0"
        case .bold: "1"
        case .dim: "2"
        case .selected: "7"
        case .alarm: "1;31"
        case .alert: "33"
        case .rose(let rose): Self.roseColours[rose] ?? "0"
        }
    }

    /// Eight classes from deep green (much better) to deep red (much worse), 256-colour palette.
    private static let roseColours: [RoseClass: String] = [
        .better50: "38;5;28", .better25: "38;5;34", .better10: "38;5;76", .better0: "38;5;150",
        .neutral: "0", .worse0: "38;5;223", .worse10: "38;5;215", .worse25: "38;5;202", .worse50: "38;5;160",
        .noData: "2",
    ]
}
