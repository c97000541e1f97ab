/// One contribution to a side's impact; each belongs to one of the four groups docs/DOMAIN.md names.
public enum Term: String, Sendable, Hashable, Codable, CaseIterable {
    case parts
    case trips
    case production
    case renovation
    case ictEmbodied = "ict-embodied"
    case ictElectricity = "ict-electricity"
    case ictData = "ict-data"
    case ictServer = "ict-server"
    case ictCompute = "ict-compute"

    public var group: TermGroup {
        switch self {
        case .parts: .parts
        case .trips: .trips
        case .production, .renovation: .lifetime
        case .ictEmbodied, .ictElectricity, .ictData, .ictServer, .ictCompute: .ict
        }
    }
}
