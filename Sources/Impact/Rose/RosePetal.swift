import FleetModel

/// One indicator of the rose: the mean relative result of its categories that have data.
public struct RosePetal: Sendable, Hashable, Codable {
    public var ring: RoseTheme
    public var indicator: String
    /// Case minus baseline over baseline, as a fraction; nil when no category of it has data.
    public var relative: Double?
    public var colour: RoseClass

    public init(ring: RoseTheme, indicator: String, relative: Double?) {
        self.ring = ring
        self.indicator = indicator
        self.relative = relative
        colour = RoseClass(relative: relative)
    }

    /// Mean of the values present, or nil when none is.
    static func mean(_ values: [Double?]) -> Double? {
        let present = values.compactMap { $0 }
        return present.isEmpty ? nil : present.reduce(0, +) / Double(present.count)
    }
}
