import Yams

/// What a fired rule asks for: a work order for a kit, fixed by a technician, remotely or by the customer.
public struct RuleAction: Sendable, Hashable {
    public var kit: String?
    public var resolution: Resolution
    public var note: String?

    public init(kit: String? = nil, resolution: Resolution, note: String? = nil) {
        self.kit = kit
        self.resolution = resolution
        self.note = note
    }

    init?(reading r: NodeReader) {
        r.allowOnly(["kit", "resolution", "note"])
        let kit = r.optional("kit") { $0.string }
        let resolution = r.required("resolution", expected: "technician, remote or customer") { $0.choice(Resolution.self) }
        let note = r.optional("note") { $0.string }
        guard let resolution else { return nil }
        self.init(kit: kit, resolution: resolution, note: note)
    }

    var node: Node {
        var b = NodeBuilder()
        b.add("kit", kit)
        b.add("resolution", resolution)
        b.add("note", note)
        return b.node
    }
}
