import Yams

/// A mid-life renovation or end-of-life refurbishment: replaces a share of each material class of
/// the device's components, and needs extra energy and transport.
public struct Renovation: Sendable, Hashable {
    /// Age of the device at the renovation.
    public var at: Quantity
    public var replace: [ReplacementShare]
    /// Extra electricity, charged with the profile's `electricity` factor.
    public var energy: Quantity?
    /// A trip of the profile, driven once for the renovation.
    public var trip: String?
    public var source: String

    public init(at: Quantity, replace: [ReplacementShare], energy: Quantity? = nil, trip: String? = nil, source: String) {
        self.at = at
        self.replace = replace
        self.energy = energy
        self.trip = trip
        self.source = source
    }

    /// Fraction of a class that is replaced; 0 for a class the renovation does not name.
    public func fraction(of materialClass: MaterialClass) -> Double {
        replace.first { $0.materialClass == materialClass }?.fraction ?? 0
    }

    init?(reading r: NodeReader) {
        r.allowOnly(["at", "replace", "energy", "trip", "source"])
        let at = r.required("at", expected: "the device's age at the renovation") { $0.quantity(.duration) }
        let replace = r.required("replace", expected: "shares per material class such as {glass: 80 %}") { shares in
            shares.entries().compactMap { key, value -> ReplacementShare? in
                guard let materialClass = MaterialClass(rawValue: key) else {
                    return value.fail("unknown material class '\(key)'; expected one of: \(MaterialClass.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                return value.quantity(.ratio).map { ReplacementShare(materialClass: materialClass, share: $0) }
            }
        }
        let energy = r.optional("energy") { $0.quantity(.energy) }
        let trip = r.optional("trip") { $0.string }
        let source = r.required("source", expected: "a source id") { $0.string }
        guard let at, let replace, let source else { return nil }
        self.init(at: at, replace: replace, energy: energy, trip: trip, source: source)
    }

    var node: Node {
        var b = NodeBuilder()
        b.add("at", at)
        b.add("replace", Node(replace.map { (Node($0.materialClass.rawValue), Node($0.share.description)) }))
        b.add("energy", energy)
        b.add("trip", trip)
        b.add("source", source)
        return b.node
    }
}
