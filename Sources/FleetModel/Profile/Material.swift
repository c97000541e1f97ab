import Yams

/// A material a profile uses, mapped to the factor-table item that carries its impacts.
///
/// The mapping is per profile so that a user can point `steel` at their own database's process
/// name without touching other kinds.
public struct Material: Sendable, Hashable, KeyedEntry {
    public var id: String
    public var materialClass: MaterialClass
    /// The `item` column of the factor table, per kg.
    public var factor: String

    public init(id: String, materialClass: MaterialClass, factor: String) {
        self.id = id
        self.materialClass = materialClass
        self.factor = factor
    }

    init?(id: String, reading r: NodeReader) {
        r.allowOnly(["class", "factor"])
        let materialClass = r.required("class", expected: "a material class") { $0.choice(MaterialClass.self) }
        let factor = r.required("factor", expected: "a factor-table item (per kg)") { $0.string }
        guard let materialClass, let factor else { return nil }
        self.init(id: id, materialClass: materialClass, factor: factor)
    }

    var node: Node {
        var b = NodeBuilder()
        b.add("class", materialClass)
        b.add("factor", factor)
        return b.node
    }
}
