/// The eight colour classes of docs/DOMAIN.md for a relative result, plus neutral (exactly 0) and
/// no data. Classes are by improvement: how much less the case takes than the baseline.
public enum RoseClass: String, Sendable, Hashable, Codable, CaseIterable {
    case better50 = "better-over-50"
    case better25 = "better-25-50"
    case better10 = "better-10-25"
    case better0 = "better-0-10"
    case neutral
    case worse0 = "worse-0-10"
    case worse10 = "worse-10-25"
    case worse25 = "worse-25-50"
    case worse50 = "worse-over-50"
    case noData = "no-data"

    /// The class of a relative result (case minus baseline over baseline, as a fraction).
    public init(relative: Double?) {
        guard let relative else { self = .noData; return }
        let improvement = -relative * 100
        switch improvement {
        case 0: self = .neutral
        case 50.nextUp...: self = .better50
        case 25.nextUp...: self = .better25
        case 10.nextUp...: self = .better10
        case 0.nextUp...: self = .better0
        case (-10)...: self = .worse0
        case (-25)...: self = .worse10
        case (-50)...: self = .worse25
        default: self = .worse50
        }
    }

    /// The legend text: "25 to 50 % better".
    public var label: String {
        switch self {
        case .better50: "> 50 % better"
        case .better25: "25 to 50 % better"
        case .better10: "10 to 25 % better"
        case .better0: "0 to 10 % better"
        case .neutral: "neutral"
        case .worse0: "0 to 10 % worse"
        case .worse10: "10 to 25 % worse"
        case .worse25: "25 to 50 % worse"
        case .worse50: "> 50 % worse"
        case .noData: "no data"
        }
    }
}
