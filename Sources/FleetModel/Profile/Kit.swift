import Yams

/// A standard maintenance kit: the parts one service uses. The declared `mass` is checked against
/// the parts' bills of materials, which catches a kit whose contents do not add up.
public struct Kit: Sendable, Hashable, KeyedEntry {
    public var id: String
    public var description: String
    public var contents: [KitItem]
    /// Total mass as the maker states it; must equal the sum of the contents within 1 %.
    public var mass: Quantity
    public var source: String

    public init(id: String, description: String, contents: [KitItem], mass: Quantity, source: String) {
        self.id = id
        self.description = description
        self.contents = contents
        self.mass = mass
        self.source = source
    }

    init?(id: String, reading r: NodeReader) {
        r.allowOnly(["description", "contents", "mass", "source"])
        let description = r.required("description", expected: "text") { $0.string }
        let contents = r.required("contents", expected: "parts and counts such as {burner-gasket: 1}") { contents in
            contents.keyed { part, count in count.int.map { KitItem(part: part, count: $0) } }
        }
        let mass = r.required("mass", expected: "the kit's total mass") { $0.quantity(.mass) }
        let source = r.required("source", expected: "a source id") { $0.string }
        guard let description, let contents, let mass, let source else { return nil }
        self.init(id: id, description: description, contents: contents, mass: mass, source: source)
    }

    var node: Node {
        var b = NodeBuilder()
        b.add("description", description)
        b.add("contents", Node(contents.map { (Node($0.part), Node(String($0.count))) }))
        b.add("mass", mass)
        b.add("source", source)
        return b.node
    }
}
