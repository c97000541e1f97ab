import Yams

/// What one technician visit or one collection stop drives. A collection round serves many
/// containers, so `sharedBy` divides the round's distance among them.
public struct Trip: Sendable, Hashable, KeyedEntry {
    public var id: String
    public var description: String
    /// Distance of the whole trip (there and back, or the whole round).
    public var distance: Quantity
    /// Factor-table item of the vehicle, per km.
    public var vehicle: String
    /// Devices served by one trip; 1 for a dedicated visit.
    public var sharedBy: Int
    public var source: String

    public init(id: String, description: String, distance: Quantity, vehicle: String, sharedBy: Int = 1, source: String) {
        self.id = id
        self.description = description
        self.distance = distance
        self.vehicle = vehicle
        self.sharedBy = sharedBy
        self.source = source
    }

    /// km attributed to one device for one trip.
    public var kilometresPerDevice: Double { (distance.value(in: .kilometre) ?? 0) / Double(max(sharedBy, 1)) }

    init?(id: String, reading r: NodeReader) {
        r.allowOnly(["description", "distance", "vehicle", "shared_by", "source"])
        let description = r.required("description", expected: "text") { $0.string }
        let distance = r.required("distance", expected: "km driven") { $0.quantity(.distance) }
        let vehicle = r.required("vehicle", expected: "a factor-table item (per km)") { $0.string }
        let sharedBy = r.optional("shared_by") { $0.int } ?? 1
        let source = r.required("source", expected: "a source id") { $0.string }
        guard let description, let distance, let vehicle, let source else { return nil }
        self.init(id: id, description: description, distance: distance, vehicle: vehicle, sharedBy: sharedBy, source: source)
    }

    var node: Node {
        var b = NodeBuilder()
        b.add("description", description)
        b.add("distance", distance)
        b.add("vehicle", vehicle)
        if sharedBy != 1 { b.add("shared_by", sharedBy) }
        b.add("source", source)
        return b.node
    }
}
