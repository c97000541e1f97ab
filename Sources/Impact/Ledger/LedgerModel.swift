import FleetModel

/// Prices an `ImpactLedger` with a profile library: for each device the actual smart flows
/// against the baseline policy's flows over the same service time, characterised with the
/// library's factors.
public struct LedgerModel: Sendable {
    public let library: ProfileLibrary
    /// The smart scenario each kind runs, by kind; a kind not named runs its first scenario.
    public let scenarios: [String: String]

    public init(library: ProfileLibrary, scenarios: [String: String] = [:]) {
        self.library = library
        self.scenarios = scenarios
    }

    /// The smart policy `profile`'s devices follow (the baseline when the kind has no scenario).
    public func scenario(of profile: DeviceProfile) -> Policy {
        scenarios[profile.kind].flatMap(profile.scenario) ?? profile.scenarios.first ?? profile.baseline
    }

    /// One device priced, with `cpuSeconds` of Fleetprint's compute attributed to it; nil for an unknown kind.
    public func report(_ device: DeviceLedger, cpuSeconds: Double = 0) -> DeviceReport? {
        guard let pricing = pricing(of: device.kind) else { return nil }
        let priced = pricing.price(device, cpuSeconds: cpuSeconds)
        return DeviceReport(
            device: device.device, kind: device.kind, scenario: pricing.smart.id, serviceYears: priced.serviceYears,
            realised: Comparison(baseline: priced.realisedBaseline, case: priced.realisedCase, categories: pricing.categories),
            projected: Comparison(baseline: priced.projectedBaseline, case: priced.projectedCase, categories: pricing.categories))
    }

    /// Each kind priced from its totals, which the ledger keeps up to date (inventories are linear
    /// in them, and characterising is linear), then the kinds summed for the fleet: the cost
    /// follows the number of kinds, not of devices. The fleet's compute is shared by service time.
    public func summary(of ledger: ImpactLedger) -> FleetSummary {
        let pricings = Dictionary(uniqueKeysWithValues: ledger.kinds.keys.compactMap { kind in pricing(of: kind).map { (kind, $0) } })
        let totalYears = pricings.keys.reduce(0) { $0 + (ledger.kinds[$1]?.serviceYears ?? 0) }
        let priced = pricings.keys.sorted().compactMap { kind -> (Int, PricedDevice)? in
            guard let totals = ledger.kinds[kind], let pricing = pricings[kind] else { return nil }
            let cpuSeconds = totalYears > 0 ? ledger.cpuSeconds * totals.serviceYears / totalYears : 0
            return (totals.devices, pricing.price(pricing.inventories(of: totals, cpuSeconds: cpuSeconds)))
        }
        // Devices of kinds without a profile are rare; only then are the devices looked through.
        let unpriced = ledger.kinds.keys.contains { pricings[$0] == nil } ? ledger.devices.values.filter { pricings[$0.kind] == nil }.map(\.device) : []
        let kinds = priced.map { group($0.1, count: $0.0) }
        let categories = library.factors.categories.filter { !$0.isQualitative }.map { SummaryCategory(id: $0.id, name: $0.name, unit: $0.unit, euroPerUnit: $0.euroPerUnit) }
        return FleetSummary(method: library.factors.method, priceSet: library.factors.priceSet, categories: categories,
                            fleet: FleetSummary.fleet(of: kinds, categories: categories), kinds: kinds,
                            unpricedDevices: unpriced.count, unpricedSample: Array(unpriced.sorted().prefix(FleetSummary.unpricedSampleLimit)))
    }

    private func pricing(of kind: String) -> KindPricing? {
        library.profile(kind).map { KindPricing(profile: $0, smart: scenario(of: $0), factors: library.factors) }
    }

    /// One kind's devices, priced as one: its realised baseline carries the variance of its
    /// policy's service events (kinds differ in rates, so variances are per kind, then summed).
    private func group(_ kind: PricedDevice, count: Int) -> GroupSummary {
        let categories = library.factors.categories
        return GroupSummary(name: kind.kind, devices: count, serviceYears: kind.serviceYears,
                            realised: Balance(Comparison(baseline: kind.realisedBaseline, case: kind.realisedCase, categories: categories)).withEventVariance(),
                            projected: Balance(Comparison(baseline: kind.projectedBaseline, case: kind.projectedCase, categories: categories)))
    }
}
