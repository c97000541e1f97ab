/// A stream file that cannot be written or read.
public struct SimulationOutputError: Error, CustomStringConvertible {
    public let description: String

    init(_ description: String) {
        self.description = description
    }
}
