/// A configuration problem, located as precisely as the YAML reader allows.
public struct DaemonConfigurationError: Error, CustomStringConvertible, Sendable {
    public let file: String
    public let line: Int?
    public let field: String?
    public let message: String

    public init(file: String, line: Int?, field: String?, message: String) {
        self.file = file
        self.line = line
        self.field = field
        self.message = message
    }

    init(decoding error: DecodingError, file: String) {
        let (path, message): ([any CodingKey], String) = switch error {
        case let .typeMismatch(type, context): (context.codingPath, "expected \(type): \(context.debugDescription)")
        case let .valueNotFound(type, context): (context.codingPath, "expected a value of type \(type)")
        case let .keyNotFound(key, context): (context.codingPath + [key], "missing field")
        case let .dataCorrupted(context): (context.codingPath, context.debugDescription)
        @unknown default: ([], "\(error)")
        }
        let field = path.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
        self.init(file: file, line: nil, field: field.isEmpty ? nil : field, message: message)
    }

    public var description: String {
        file + (line.map { ":\($0)" } ?? "") + ": " + (field.map { "\($0): " } ?? "") + message
    }
}
