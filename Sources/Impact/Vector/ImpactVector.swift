import FleetModel

/// Impacts of one flow or one sum of flows, per category id of the method in use.
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
        self.init(values: values, sortedMissing: Array(Set(missing)).sorted())
    }

    /// For `missing` already sorted and unique: sums and scalings keep it so, and normalising it
    /// again on every addition was most of the cost of pricing a fleet.
    init(values: [String: Double], sortedMissing: [String]) {
        self.values = values
        missing = sortedMissing
    }

    public static let zero = ImpactVector()

    public subscript(category: String) -> Double? { values[category] }

    /// Whether some factor gave `category` a number.
    public func hasData(_ category: String) -> Bool { values[category] != nil }

    /// Data for `category` from only some of the flows.
    public func isPartial(_ category: String) -> Bool { hasData(category) && missing.contains(category) }

    public static func + (lhs: ImpactVector, rhs: ImpactVector) -> ImpactVector {
        ImpactVector(values: lhs.values.merging(rhs.values, uniquingKeysWith: +), sortedMissing: union(lhs.missing, rhs.missing))
    }

    /// The sorted union of two sorted, duplicate-free lists.
    private static func union(_ left: [String], _ right: [String]) -> [String] {
        if left == right || right.isEmpty { return left }
        if left.isEmpty { return right }
        var merged: [String] = []
        merged.reserveCapacity(left.count + right.count)
        var i = 0, j = 0
        while i < left.count || j < right.count {
            if j == right.count || (i < left.count && left[i] < right[j]) {
                merged.append(left[i]); i += 1
            } else if i == left.count || right[j] < left[i] {
                merged.append(right[j]); j += 1
            } else {
                merged.append(left[i]); i += 1; j += 1
            }
        }
        return merged
    }

    public static func - (lhs: ImpactVector, rhs: ImpactVector) -> ImpactVector {
        lhs + rhs.scaled(by: -1)
    }

    public func scaled(by factor: Double) -> ImpactVector {
        ImpactVector(values: values.mapValues { $0 * factor }, sortedMissing: missing)
    }

    /// Sum of `vectors` in their order (the order is part of the result's bits).
    public static func sum(_ vectors: [ImpactVector]) -> ImpactVector {
        vectors.reduce(.zero, +)
    }
}
