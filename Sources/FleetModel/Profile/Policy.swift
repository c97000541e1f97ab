import Yams

/// How a device is maintained over its life: the conventional baseline or a named smart scenario.
/// The Impact engine compares a scenario with the baseline per functional unit (per device-year).
public struct Policy: Sendable, Hashable, KeyedEntry {
    /// The name of the baseline policy; scenarios have their own names.
    public static let baselineName = "baseline"

    /// "baseline" or the scenario's name (`scenario-1`).
    public var id: String
    public var description: String
    /// Service life of the device under this policy.
    public var life: Quantity
    /// Spread of the life (3 to 5 years), for sensitivity and Monte Carlo.
    public var lifeRange: QuantityRange?
    /// Components that make up the device under this policy; empty means all of the profile's.
    public var components: [String]
    /// Time between planned service visits; nil when there are none.
    public var serviceInterval: Quantity?
    /// Unplanned visits (repairs) over the whole life, besides the planned ones.
    public var unplannedVisits: Double
    /// Trip each visit drives.
    public var visitTrip: String?
    /// Kits used over the whole life.
    public var kits: [KitCount]
    public var collection: CollectionPlan?
    /// Faults that a profile marks resolvable remotely or by the customer are solved without a visit.
    public var remoteDiagnosis: Bool
    public var renovations: [Renovation]
    public var source: String

    public init(id: String, description: String, life: Quantity, lifeRange: QuantityRange? = nil, components: [String] = [],
                serviceInterval: Quantity? = nil, unplannedVisits: Double = 0, visitTrip: String? = nil, kits: [KitCount] = [],
                collection: CollectionPlan? = nil, remoteDiagnosis: Bool = false, renovations: [Renovation] = [], source: String) {
        self.id = id
        self.description = description
        self.life = life
        self.lifeRange = lifeRange
        self.components = components
        self.serviceInterval = serviceInterval
        self.unplannedVisits = unplannedVisits
        self.visitTrip = visitTrip
        self.kits = kits
        self.collection = collection
        self.remoteDiagnosis = remoteDiagnosis
        self.renovations = renovations
        self.source = source
    }

    /// Life in years.
    public var years: Double { life.value(in: .year) ?? 0 }

    /// Planned visits over the life: life divided by the service interval.
    public var plannedVisits: Double {
        guard let interval = serviceInterval?.value(in: .year), interval > 0 else { return 0 }
        return (years / interval).rounded()
    }

    /// All visits over the life, planned and unplanned.
    public var visits: Double { plannedVisits + unplannedVisits }

    /// Emptyings over the life.
    public var collections: Double {
        guard let interval = collection?.interval.value(in: .year), interval > 0 else { return 0 }
        return years / interval
    }

    /// How many of `kit` are used over the life.
    public func count(of kit: String) -> Int {
        kits.first { $0.kit == kit }?.count ?? 0
    }

    init?(id: String, reading r: NodeReader) {
        r.allowOnly(["description", "life", "life_range", "components", "service_interval", "unplanned_visits", "visit_trip",
                     "kits", "collection", "remote_diagnosis", "renovations", "source"])
        let description = r.required("description", expected: "text") { $0.string }
        let life = r.required("life", expected: "the service life") { $0.quantity(.duration) }
        let lifeRange = r.optional("life_range") { Self.range(reading: $0) }
        let components = r.optional("components") { $0.strings } ?? []
        let serviceInterval = r.optional("service_interval") { $0.quantity(.duration) }
        let unplannedVisits = r.optional("unplanned_visits") { $0.quantity(.count)?.value } ?? 0
        let visitTrip = r.optional("visit_trip") { $0.string }
        let kits = r.optional("kits") { kits in
            kits.keyed { kit, count in count.int.map { KitCount(kit: kit, count: $0) } }
        } ?? []
        let collection = r.optional("collection") { CollectionPlan(reading: $0) }
        let remoteDiagnosis = r.optional("remote_diagnosis") { $0.bool } ?? false
        let renovations = r.optional("renovations") { $0.items().compactMap(Renovation.init(reading:)) } ?? []
        let source = r.required("source", expected: "a source id") { $0.string }
        guard let description, let life, let source else { return nil }
        self.init(id: id, description: description, life: life, lifeRange: lifeRange, components: components,
                  serviceInterval: serviceInterval, unplannedVisits: unplannedVisits, visitTrip: visitTrip, kits: kits,
                  collection: collection, remoteDiagnosis: remoteDiagnosis, renovations: renovations, source: source)
    }

    /// Reads `[3 years, 5 years]`.
    static func range(reading r: NodeReader) -> QuantityRange? {
        let bounds = r.items().compactMap { $0.quantity(.duration) }
        guard bounds.count == 2 else { return r.fail("expected [low, high] such as [3 years, 5 years]") }
        return QuantityRange(low: bounds[0], high: bounds[1])
    }

    var node: Node {
        var b = NodeBuilder()
        b.add("description", description)
        b.add("life", life)
        if let lifeRange { b.add("life_range", Node([Node(lifeRange.low.description), Node(lifeRange.high.description)])) }
        b.add("components", strings: components)
        b.add("service_interval", serviceInterval)
        if unplannedVisits != 0 { b.add("unplanned_visits", Quantity(unplannedVisits, .count)) }
        b.add("visit_trip", visitTrip)
        b.add("kits", keyed: kits.map { ($0.kit, Node(String($0.count))) })
        b.add("collection", collection?.node)
        if remoteDiagnosis { b.add("remote_diagnosis", true) }
        b.add("renovations", list: renovations.map(\.node))
        b.add("source", source)
        return b.node
    }
}
