/// What an added ICT item is, for reporting the overhead by kind.
public enum ICTRole: String, Sendable, Hashable, CaseIterable {
    case sensor
    case modem
    case gateway
    case sim
    case module
    case server
}
