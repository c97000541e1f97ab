import Yams

/// A physical part of the device with its bill of materials: used both for the device's own
/// components (production, amortised over life) and for spare parts that kits contain.
public struct Component: Sendable, Hashable, KeyedEntry {
    public var id: String
    public var description: String
    public var materials: [MaterialAmount]
    /// Expected service life, when the part wears out on its own schedule.
    public var life: Quantity?
    public var source: String

    public init(id: String, description: String, materials: [MaterialAmount], life: Quantity? = nil, source: String) {
        self.id = id
        self.description = description
        self.materials = materials
        self.life = life
        self.source = source
    }

    /// Total mass in kg.
    public var kilograms: Double { materials.reduce(0) { $0 + $1.kilograms } }

    init?(id: String, reading r: NodeReader) {
        r.allowOnly(["description", "materials", "life", "source"])
        let description = r.required("description", expected: "text") { $0.string }
        let materials = r.required("materials", expected: "a bill of materials such as {steel: 1.2 kg}") { MaterialAmount.list(reading: $0) }
        let life = r.optional("life") { $0.quantity(.duration) }
        let source = r.required("source", expected: "a source id") { $0.string }
        guard let description, let materials, let source else { return nil }
        self.init(id: id, description: description, materials: materials, life: life, source: source)
    }

    var node: Node {
        var b = NodeBuilder()
        b.add("description", description)
        b.add("materials", MaterialAmount.node(materials))
        b.add("life", life)
        b.add("source", source)
        return b.node
    }
}
