import Yams

/// Hardware (and its traffic and server share) that smart maintenance adds to a device: the ICT
/// overhead that the avoided parts and trips must pay for.
public struct ICTItem: Sendable, Hashable, KeyedEntry {
    public var id: String
    public var role: ICTRole
    public var description: String
    /// Manufacture, as amounts of factor-table items (hardware blocks per unit, materials per kg).
    public var embodied: [ItemAmount]
    public var life: Quantity
    /// Continuous electricity draw.
    public var power: Quantity?
    /// Size of one telemetry message including protocol overhead.
    public var messageSize: Quantity?
    /// Time between messages.
    public var messageInterval: Quantity?
    /// Share of a cloud server, in vCPU per device.
    public var serverShare: Quantity?
    /// Devices that share one item (a gateway for a building); 1 for per-device items.
    public var sharedBy: Int
    /// Policies that carry the item; the item is overhead only where it is present.
    public var scenarios: [String]
    public var source: String

    public init(id: String, role: ICTRole, description: String, embodied: [ItemAmount], life: Quantity, power: Quantity? = nil,
                messageSize: Quantity? = nil, messageInterval: Quantity? = nil, serverShare: Quantity? = nil, sharedBy: Int = 1,
                scenarios: [String], source: String) {
        self.id = id
        self.role = role
        self.description = description
        self.embodied = embodied
        self.life = life
        self.power = power
        self.messageSize = messageSize
        self.messageInterval = messageInterval
        self.serverShare = serverShare
        self.sharedBy = sharedBy
        self.scenarios = scenarios
        self.source = source
    }

    /// Data sent per year, in GB.
    public var gigabytesPerYear: Double {
        guard let size = messageSize?.value(in: .gigabyte), let interval = messageInterval?.value(in: .year), interval > 0 else { return 0 }
        return size / interval
    }

    /// Electricity per year, in kWh (power draw over 8766 hours).
    public var kilowattHoursPerYear: Double {
        (power?.value(in: .kilowatt) ?? 0) * (Quantity(1, .year).value(in: .hour) ?? 0)
    }

    init?(id: String, reading r: NodeReader) {
        r.allowOnly(["role", "description", "embodied", "life", "power", "message_size", "message_interval", "server_share",
                     "shared_by", "scenarios", "source"])
        let role = r.required("role", expected: "the item's role") { $0.choice(ICTRole.self) }
        let description = r.required("description", expected: "text") { $0.string }
        let embodied = r.required("embodied", expected: "factor items and amounts such as {iot-casing: 1 count}") { items in
            items.keyed { item, amount in amount.quantity(in: QuantityDimension.allCases).map { ItemAmount(item: item, amount: $0) } }
        }
        let life = r.required("life", expected: "the item's service life") { $0.quantity(.duration) }
        let power = r.optional("power") { $0.quantity(.power) }
        let messageSize = r.optional("message_size") { $0.quantity(.data) }
        let messageInterval = r.optional("message_interval") { $0.quantity(.duration) }
        let serverShare = r.optional("server_share") { $0.quantity(.compute) }
        let sharedBy = r.optional("shared_by") { $0.int } ?? 1
        let scenarios = r.required("scenarios", expected: "the policies that carry the item") { $0.strings }
        let source = r.required("source", expected: "a source id") { $0.string }
        guard let role, let description, let embodied, let life, let scenarios, let source else { return nil }
        self.init(id: id, role: role, description: description, embodied: embodied, life: life, power: power,
                  messageSize: messageSize, messageInterval: messageInterval, serverShare: serverShare, sharedBy: sharedBy,
                  scenarios: scenarios, source: source)
    }

    var node: Node {
        var b = NodeBuilder()
        b.add("role", role)
        b.add("description", description)
        b.add("embodied", Node(embodied.map { (Node($0.item), Node($0.amount.description)) }))
        b.add("life", life)
        b.add("power", power)
        b.add("message_size", messageSize)
        b.add("message_interval", messageInterval)
        b.add("server_share", serverShare)
        if sharedBy != 1 { b.add("shared_by", sharedBy) }
        b.add("scenarios", Node(scenarios.map { Node($0) }))
        b.add("source", source)
        return b.node
    }
}
