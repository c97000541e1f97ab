import FleetModel

/// Impacts of one flow or one sum of flows, per ReCiPe 2016 midpoint category id.
///
/// A category is a key of `values` only when some factor gave it a number, so a result always
/// tells which categories it has data for; `missing` names the categories in which at least one
/// contributing flow had no factor, so a number built from part of the flows is marked partial.
public struct ImpactVector: Sendable, Hashable, Codable {
    /// Category id to amount in the category's indicator unit.
    public private(set) var values: [String: Double]
    /// Sorted category ids that some contributing flow has no factor for.
    public private(set) var missing: [String]

    public init(values: [String: Double] = [:], missing: [String] = []) {
        self.values = values
        self.missing = Array(Set(missing)).sorted()
    }

    public static let zero = ImpactVector()

    public subscript(category: String) -> Double? { values[category] }

    /// Whether some factor gave `category` a number.
    public func hasData(_ category: String) -> Bool { values[category] != nil }

    /// Data for `category` from only some of the flows.
    public func isPartial(_ category: String) -> Bool { hasData(category) && missing.contains(category) }

    public static func + (lhs: ImpactVector, rhs: ImpactVector) -> ImpactVector {
        ImpactVector(values: lhs.values.merging(rhs.values, uniquingKeysWith: +), missing: lhs.missing + rhs.missing)
    }

    public static func - (lhs: ImpactVector, rhs: ImpactVector) -> ImpactVector {
        lhs + rhs.scaled(by: -1)
    }

    public func scaled(by factor: Double) -> ImpactVector {
        ImpactVector(values: values.mapValues { $0 * factor }, missing: missing)
    }

    /// Sum of `vectors` in their order (the order is part of the result's bits).
    public static func sum(_ vectors: [ImpactVector]) -> ImpactVector {
        vectors.reduce(.zero, +)
    }
}
