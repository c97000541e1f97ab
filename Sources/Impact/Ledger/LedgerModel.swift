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

    /// Every device priced and summed per kind and for the fleet; the fleet's compute is shared by service time.
    public func summary(of ledger: ImpactLedger) -> FleetSummary {
        let devices = ledger.devices.keys.sorted().compactMap { ledger.devices[$0] }
        let totalYears = devices.reduce(0) { $0 + $1.serviceYears }
        let pricings = Dictionary(uniqueKeysWithValues: Set(devices.map(\.kind)).compactMap { kind in pricing(of: kind).map { (kind, $0) } })
        var priced: [PricedDevice] = []
        var unpriced: [String] = []
        for device in devices {
            guard let pricing = pricings[device.kind] else {
                unpriced.append(device.device)
                continue
            }
            let share = totalYears > 0 ? device.serviceYears / totalYears : 0
            priced.append(pricing.price(device, cpuSeconds: ledger.cpuSeconds * share))
        }
        let kinds = Set(priced.map(\.kind)).sorted().map { kind in group(kind, priced.filter { $0.kind == kind }) }
        let categories = library.factors.categories.filter { !$0.isQualitative }.map { SummaryCategory(id: $0.id, name: $0.name, unit: $0.unit, euroPerUnit: $0.euroPerUnit) }
        return FleetSummary(method: library.factors.method, priceSet: library.factors.priceSet, categories: categories,
                            fleet: group("fleet", priced), kinds: kinds,
                            unpricedDevices: unpriced.count, unpricedSample: Array(unpriced.sorted().prefix(FleetSummary.unpricedSampleLimit)))
    }

    private func pricing(of kind: String) -> KindPricing? {
        library.profile(kind).map { KindPricing(profile: $0, smart: scenario(of: $0), factors: library.factors) }
    }

    private func group(_ name: String, _ devices: [PricedDevice]) -> GroupSummary {
        func sum(_ baseline: KeyPath<PricedDevice, Side>, _ smart: KeyPath<PricedDevice, Side>) -> Comparison {
            Comparison(baseline: devices.map { $0[keyPath: baseline] }.reduce(.empty, +), case: devices.map { $0[keyPath: smart] }.reduce(.empty, +),
                       categories: library.factors.categories)
        }
        return GroupSummary(name: name, devices: devices.count, serviceYears: devices.reduce(0) { $0 + $1.serviceYears },
                            realised: Balance(sum(\.realisedBaseline, \.realisedCase)), projected: Balance(sum(\.projectedBaseline, \.projectedCase)))
    }
}
