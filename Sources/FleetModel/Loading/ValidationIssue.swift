/// One thing wrong with a profile or factor file, precise enough to fix without searching:
/// `boiler.yaml:42: kits.small.contents.gasket: unknown part 'gasket'; expected one of: ...`.
public struct ValidationIssue: Error, Sendable, Hashable, CustomStringConvertible {
    /// File name as given (a profile's or a CSV's path, shortened to its last component for display).
    public var file: String
    /// 1-based line; 0 when the file could not be read at all.
    public var line: Int
    /// Dotted path of the field (`components.heat-exchanger.life`), or a CSV column name.
    public var field: String
    public var message: String

    public init(file: String, line: Int, field: String, message: String) {
        self.file = file
        self.line = line
        self.field = field
        self.message = message
    }

    public var description: String {
        field.isEmpty ? "\(file):\(line): \(message)" : "\(file):\(line): \(field): \(message)"
    }
}
