import Yams

/// So many kg of one material: one line of a bill of materials.
public struct MaterialAmount: Sendable, Hashable {
    public var material: String
    public var mass: Quantity

    public init(material: String, mass: Quantity) {
        self.material = material
        self.mass = mass
    }

    /// Mass in kg.
    public var kilograms: Double { mass.value(in: .kilogram) ?? 0 }

    /// Reads `{steel: 1.2 kg, rubber: 0.1 kg}`.
    static func list(reading r: NodeReader) -> [MaterialAmount] {
        r.keyed { material, value in
            value.quantity(.mass).map { MaterialAmount(material: material, mass: $0) }
        }
    }

    static func node(_ amounts: [MaterialAmount]) -> Node {
        Node(amounts.map { (Node($0.material), Node($0.mass.description)) })
    }
}
