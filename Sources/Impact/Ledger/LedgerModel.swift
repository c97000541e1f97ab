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
        guard let profile = library.profile(device.kind) else { return nil }
        let smart = scenario(of: profile)
        let characterizer = Characterizer(factors: library.factors, profile: profile)
        let baseline = PolicyInventory(profile: profile, policy: profile.baseline)
        let planned = PolicyInventory(profile: profile, policy: smart)
        let years = device.serviceYears
        let baselineRealised = Inventory(parts: baseline.parts.scaled(by: years), trips: baseline.trips.scaled(by: years),
                                         lifetime: baseline.lifetime.scaled(by: device.realisedYears), ict: baseline.ict().scaled(by: years))
        let baselineProjected = Inventory(lifetime: baseline.lifetime.scaled(by: device.runningYears))
        var ict = planned.ict().scaled(by: years)
        ict.gigabytes = device.bytesReceived / 1_000_000_000
        ict.cpuSeconds = cpuSeconds
        let actual = Inventory(parts: parts(of: device, in: profile), trips: trips(of: device, in: profile, policy: smart),
                               lifetime: realisedLifetime(of: device, in: profile, policy: smart), ict: ict)
        let pendingRenovations = device.renovationsOfUnit == 0 ? planned.renovations : LifetimeFlows(lifeYears: smart.years)
        let projected = Inventory(lifetime: (planned.production + pendingRenovations).scaled(by: device.runningYears))
        return DeviceReport(
            device: device.device, kind: device.kind, scenario: smart.id, serviceYears: years,
            realised: Comparison(baseline: Side(inventory: baselineRealised, characterizer: characterizer),
                                 case: Side(inventory: actual, characterizer: characterizer), categories: library.factors.categories),
            projected: Comparison(baseline: Side(inventory: baselineProjected, characterizer: characterizer),
                                  case: Side(inventory: projected, characterizer: characterizer), categories: library.factors.categories))
    }

    /// Every device priced and summed per kind and for the fleet; the fleet's compute is shared by service time.
    public func summary(of ledger: ImpactLedger) -> FleetSummary {
        let devices = ledger.devices.keys.sorted().compactMap { ledger.devices[$0] }
        let totalYears = devices.reduce(0) { $0 + $1.serviceYears }
        var reports: [DeviceReport] = []
        var unpriced: [String] = []
        for device in devices {
            let share = totalYears > 0 ? device.serviceYears / totalYears : 0
            if let report = report(device, cpuSeconds: ledger.cpuSeconds * share) { reports.append(report) } else { unpriced.append(device.device) }
        }
        let kinds = Set(reports.map(\.kind)).sorted().map { kind in group(kind, reports.filter { $0.kind == kind }) }
        return FleetSummary(fleet: group("fleet", reports), kinds: kinds, unpricedDevices: unpriced)
    }

    private func group(_ name: String, _ reports: [DeviceReport]) -> GroupSummary {
        func sum(_ pick: (DeviceReport) -> Comparison) -> Comparison {
            let picked = reports.map(pick)
            return Comparison(baseline: picked.map(\.baseline).reduce(.empty, +), case: picked.map(\.case).reduce(.empty, +),
                              categories: library.factors.categories)
        }
        return GroupSummary(name: name, devices: reports.count, serviceYears: reports.reduce(0) { $0 + $1.serviceYears },
                            realised: sum(\.realised), projected: sum(\.projected))
    }

    private func parts(of device: DeviceLedger, in profile: DeviceProfile) -> PartFlows {
        let kits = device.kits.mapValues(Double.init)
        let kitKilograms = kits.keys.sorted().map { Amounts.scaled(profile.materials(ofKit: $0), by: kits[$0, default: 0]) }
        let partKilograms = device.parts.keys.sorted().flatMap { id in
            (profile.part(id)?.materials ?? []).map { [$0.material: $0.kilograms * Double(device.parts[id, default: 0])] }
        }
        return PartFlows(kits: kits, kilograms: (kitKilograms + partKilograms).reduce([:], Amounts.sum))
    }

    private func trips(of device: DeviceLedger, in profile: DeviceProfile, policy: Policy) -> TripFlows {
        var kilometres: [String: Double] = [:]
        func drive(_ counts: [String: Int], default fallback: String?) {
            for (id, count) in counts {
                guard let trip = profile.trip(id == DeviceLedger.policyTrip ? fallback ?? "" : id) else { continue }
                kilometres[trip.vehicle, default: 0] += Double(count) * trip.kilometresPerDevice
            }
        }
        drive(device.visits, default: policy.visitTrip ?? profile.baseline.visitTrip)
        drive(device.collections, default: policy.collection?.trip ?? profile.baseline.collection?.trip)
        return TripFlows(visits: Double(device.visits.values.reduce(0, +)), collections: Double(device.collections.values.reduce(0, +)),
                         remoteFixes: Double(device.remoteFixes), customerFixes: Double(device.customerFixes), kilometres: kilometres)
    }

    /// Whole devices produced for lifetimes that ended, and the renovations carried out with the
    /// policy's (else the baseline's) first renovation's replacement shares.
    private func realisedLifetime(of device: DeviceLedger, in profile: DeviceProfile, policy: Policy) -> LifetimeFlows {
        let bill = profile.billOfMaterials(of: policy)
        let ended = Double(device.replacements + (device.isRetired ? 1 : 0))
        var flows = LifetimeFlows(lifeYears: policy.years, productionKilograms: Amounts.scaled(bill, by: ended))
        guard let renovation = policy.renovations.first ?? profile.baseline.renovations.first else { return flows }
        for (trip, count) in device.renovations.sorted(by: { $0.key < $1.key }) {
            var performed = renovation
            if trip != DeviceLedger.policyTrip { performed.trip = trip }
            flows = flows + PolicyInventory.renovation(performed, bill: bill, in: profile).scaled(by: Double(count))
        }
        return flows
    }
}
