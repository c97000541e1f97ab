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

    /// Every device's flows summed per kind and characterised once per kind (characterising is
    /// linear), then the kinds summed for the fleet: memory follows the number of kinds, and the
    /// cost per device is a few dictionary additions. The fleet's compute is shared by service time.
    public func summary(of ledger: ImpactLedger) -> FleetSummary {
        var pricings: [String: KindPricing] = [:]
        var sums: [String: DeviceInventories] = [:]
        var counts: [String: Int] = [:]
        var unpriced: [String] = []
        for key in ledger.devices.keys.sorted() {
            guard let device = ledger.devices[key] else { continue }
            if pricings[device.kind] == nil, let pricing = pricing(of: device.kind) { pricings[device.kind] = pricing }
            guard let pricing = pricings[device.kind] else {
                unpriced.append(device.device)
                continue
            }
            sums[device.kind] = (sums[device.kind] ?? DeviceInventories()) + pricing.inventories(of: device, cpuSeconds: 0)
            counts[device.kind, default: 0] += 1
        }
        let totalYears = sums.values.reduce(0) { $0 + $1.serviceYears }
        let priced = sums.keys.sorted().compactMap { kind -> (Int, PricedDevice)? in
            guard var flows = sums[kind], let pricing = pricings[kind] else { return nil }
            flows.realisedCase.ict.cpuSeconds = totalYears > 0 ? ledger.cpuSeconds * flows.serviceYears / totalYears : 0
            return (counts[kind, default: 0], pricing.price(flows))
        }
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
