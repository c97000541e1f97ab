/// A dashboard that cannot start, in words for the command line.
public struct DashboardError: Error, CustomStringConvertible {
    public var description: String

    init(_ description: String) {
        self.description = description
    }
}
