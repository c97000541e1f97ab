import Yams

/// A device kind as data: one YAML file in DeviceProfiles/ (schema in DeviceProfiles/README.md).
/// Adding a kind is adding a file; no Swift code knows the five kinds by name.
public struct DeviceProfile: Sendable, Hashable {
    /// The most rules a kind may have: a device counts its rules, its open orders (one for each
    /// component at most) and its trend windows in a byte each.
    public static let ruleLimit = 255

    public var kind: String
    public var description: String
    /// What one unit of service is ("one boiler-year of heat service"); results are per this unit.
    public var functionalUnit: String
    /// Factor-table item for electricity the device's ICT and renovations use (per kWh).
    public var electricity: String
    public var sources: [SourceNote]
    public var telemetry: TelemetrySchema
    public var materials: [Material]
    public var components: [Component]
    /// Spare parts that kits contain.
    public var parts: [Component]
    public var kits: [Kit]
    public var trips: [Trip]
    public var baseline: Policy
    /// Named smart scenarios, compared one by one with the baseline.
    public var scenarios: [Policy]
    public var rules: [RuleSpec]
    public var ict: [ICTItem]
    public var degradation: DegradationModel

    public init(kind: String, description: String, functionalUnit: String, electricity: String, sources: [SourceNote],
                telemetry: TelemetrySchema, materials: [Material], components: [Component], parts: [Component], kits: [Kit],
                trips: [Trip], baseline: Policy, scenarios: [Policy], rules: [RuleSpec], ict: [ICTItem], degradation: DegradationModel) {
        self.kind = kind
        self.description = description
        self.functionalUnit = functionalUnit
        self.electricity = electricity
        self.sources = sources
        self.telemetry = telemetry
        self.materials = materials
        self.components = components
        self.parts = parts
        self.kits = kits
        self.trips = trips
        self.baseline = baseline
        self.scenarios = scenarios
        self.rules = rules
        self.ict = ict
        self.degradation = degradation
    }

    // MARK: Lookups for the engines

    public func material(_ id: String) -> Material? { materials.first { $0.id == id } }
    public func component(_ id: String) -> Component? { components.first { $0.id == id } }
    public func part(_ id: String) -> Component? { parts.first { $0.id == id } }
    public func kit(_ id: String) -> Kit? { kits.first { $0.id == id } }
    public func trip(_ id: String) -> Trip? { trips.first { $0.id == id } }
    public func scenario(_ id: String) -> Policy? { scenarios.first { $0.id == id } }

    /// The baseline followed by every scenario.
    public var policies: [Policy] { [baseline] + scenarios }

    /// A policy by name, `baseline` included.
    public func policy(_ id: String) -> Policy? { policies.first { $0.id == id } }

    /// Components that make up the device under `policy` (all when the policy lists none).
    public func components(of policy: Policy) -> [Component] {
        policy.components.isEmpty ? components : policy.components.compactMap(component)
    }

    /// kg per material of the whole device under `policy`: what production amortises over life.
    public func billOfMaterials(of policy: Policy) -> [String: Double] {
        Self.kilograms(components(of: policy).flatMap(\.materials))
    }

    /// kg per material of one kit, from its parts' bills of materials.
    public func materials(ofKit id: String) -> [String: Double] {
        guard let kit = kit(id) else { return [:] }
        return Self.kilograms(kit.contents.flatMap { item in
            (part(item.part)?.materials ?? []).map { MaterialAmount(material: $0.material, mass: Quantity($0.kilograms * Double(item.count), .kilogram)) }
        })
    }

    /// ICT items a policy carries.
    public func ictItems(of policy: Policy) -> [ICTItem] {
        ict.filter { $0.scenarios.contains(policy.id) }
    }

    private static func kilograms(_ amounts: [MaterialAmount]) -> [String: Double] {
        amounts.reduce(into: [:]) { $0[$1.material, default: 0] += $1.kilograms }
    }

    // MARK: YAML

    static let fields = ["kind", "description", "functional_unit", "electricity", "sources", "telemetry", "materials", "components",
                         "parts", "kits", "trips", "baseline", "scenarios", "rules", "ict", "degradation"]

    init?(reading r: NodeReader) {
        r.allowOnly(Self.fields)
        let kind = r.required("kind", expected: "the kind's name, such as boiler") { $0.string }
        let description = r.required("description", expected: "text") { $0.string }
        let functionalUnit = r.required("functional_unit", expected: "the unit of service, such as 'one boiler-year of heat service'") { $0.string }
        let electricity = r.required("electricity", expected: "a factor-table item for electricity (per kWh)") { $0.string }
        let sources = r.section("sources", of: SourceNote.self)
        let telemetry = r.required("telemetry", expected: "the telemetry schema") { TelemetrySchema(reading: $0) }
        let materials = r.section("materials", of: Material.self)
        let components = r.section("components", of: Component.self)
        let parts = r.section("parts", of: Component.self)
        let kits = r.section("kits", of: Kit.self)
        let trips = r.section("trips", of: Trip.self)
        let baseline = r.required("baseline", expected: "the conventional policy") { Policy(id: Policy.baselineName, reading: $0) }
        let scenarios = r.section("scenarios", of: Policy.self)
        let rules = r.section("rules", of: RuleSpec.self)
        let ict = r.section("ict", of: ICTItem.self)
        let degradation = r.required("degradation", expected: "the simulator's degradation model") { DegradationModel(reading: $0) }
        guard let kind, let description, let functionalUnit, let electricity, let telemetry, let baseline, let degradation else { return nil }
        self.init(kind: kind, description: description, functionalUnit: functionalUnit, electricity: electricity, sources: sources,
                  telemetry: telemetry, materials: materials, components: components, parts: parts, kits: kits, trips: trips,
                  baseline: baseline, scenarios: scenarios, rules: rules, ict: ict, degradation: degradation)
    }

    var node: Node {
        var b = NodeBuilder()
        b.add("kind", kind)
        b.add("description", description)
        b.add("functional_unit", functionalUnit)
        b.add("electricity", electricity)
        b.add("sources", section: sources)
        b.add("telemetry", telemetry.node)
        b.add("materials", section: materials)
        b.add("components", section: components)
        b.add("parts", section: parts)
        b.add("kits", section: kits)
        b.add("trips", section: trips)
        b.add("baseline", baseline.node)
        b.add("scenarios", section: scenarios)
        b.add("rules", section: rules)
        b.add("ict", section: ict)
        b.add("degradation", degradation.node)
        return b.node
    }

    /// The profile as YAML, in the shape `ProfileReader` reads; reading it back gives an equal profile.
    public func yaml() throws -> String {
        try Yams.serialize(node: node, width: -1, allowUnicode: true, sortKeys: false)
    }
}
