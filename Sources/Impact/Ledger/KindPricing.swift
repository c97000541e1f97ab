import FleetModel

/// What prices every device of one kind alike (the characterizer, the two policies' flows per
/// device-year, the smart policy's bill), built once per kind instead of once per device: the
/// daemon prices the whole fleet every few seconds.
struct KindPricing: Sendable {
    let profile: DeviceProfile
    let smart: Policy
    let characterizer: Characterizer
    let categories: [ImpactCategory]
    private let baselineParts: PartFlows
    private let baselineTrips: TripFlows
    private let baselineLifetime: LifetimeFlows
    private let baselineICT: ICTFlows
    private let smartICT: ICTFlows
    private let smartProduction: LifetimeFlows
    private let smartRenovations: LifetimeFlows
    private let smartBill: [String: Double]

    init(profile: DeviceProfile, smart: Policy, factors: FactorTable) {
        self.profile = profile
        self.smart = smart
        characterizer = Characterizer(factors: factors, profile: profile)
        categories = factors.categories
        let baseline = PolicyInventory(profile: profile, policy: profile.baseline)
        let planned = PolicyInventory(profile: profile, policy: smart)
        baselineParts = baseline.parts
        baselineTrips = baseline.trips
        baselineLifetime = baseline.lifetime
        baselineICT = baseline.ict()
        smartICT = planned.ict()
        smartProduction = planned.production
        smartRenovations = planned.renovations
        smartBill = profile.billOfMaterials(of: smart)
    }

    /// The device's four sides: realised (what happened, against the baseline over the same
    /// service time) and projected (the running unit's production and planned renovations).
    func price(_ device: DeviceLedger, cpuSeconds: Double) -> PricedDevice {
        price(inventories(of: device, cpuSeconds: cpuSeconds))
    }

    /// Characterises one device's inventories, or the sum of a kind's.
    func price(_ flows: DeviceInventories) -> PricedDevice {
        PricedDevice(kind: profile.kind, serviceYears: flows.serviceYears,
                     realisedBaseline: Side(inventory: flows.realisedBaseline, characterizer: characterizer),
                     realisedCase: Side(inventory: flows.realisedCase, characterizer: characterizer),
                     projectedBaseline: Side(inventory: flows.projectedBaseline, characterizer: characterizer),
                     projectedCase: Side(inventory: flows.projectedCase, characterizer: characterizer))
    }

    /// The device's four inventories, with `cpuSeconds` of Fleetprint's compute on the case side.
    func inventories(of device: DeviceLedger, cpuSeconds: Double) -> DeviceInventories {
        inventories(of: KindTotals(device), cpuSeconds: cpuSeconds)
    }

    /// The four inventories of a kind's devices together (inventories are linear in the totals):
    /// what a device's would be, summed over the devices.
    func inventories(of device: KindTotals, cpuSeconds: Double) -> DeviceInventories {
        let years = device.serviceYears
        let running = device.runningYears + device.renovatedRunningYears
        let baselineRealised = Inventory(parts: baselineParts.scaled(by: years), trips: baselineTrips.scaled(by: years),
                                         lifetime: baselineLifetime.scaled(by: device.realisedYears), ict: baselineICT.scaled(by: years))
        let baselineProjected = Inventory(lifetime: baselineLifetime.scaled(by: running))
        var ict = smartICT.scaled(by: years)
        ict.gigabytes = device.bytes / 1_000_000_000
        ict.cpuSeconds = cpuSeconds
        let actual = Inventory(parts: parts(of: device), trips: trips(of: device), lifetime: realisedLifetime(of: device), ict: ict)
        // A unit renovated already has no renovation pending; the others have the policy's.
        var pending = LifetimeFlows()
        if device.devices > device.renovatedUnits { pending = pending + (smartProduction + smartRenovations).scaled(by: device.runningYears) }
        if device.renovatedUnits > 0 { pending = pending + (smartProduction + LifetimeFlows(lifeYears: smart.years)).scaled(by: device.renovatedRunningYears) }
        return DeviceInventories(serviceYears: years, realisedBaseline: baselineRealised, realisedCase: actual,
                                 projectedBaseline: baselineProjected, projectedCase: Inventory(lifetime: pending))
    }

    private func parts(of device: KindTotals) -> PartFlows {
        let kits = device.kits.mapValues(Double.init)
        let kitKilograms = kits.keys.sorted().map { Amounts.scaled(profile.materials(ofKit: $0), by: kits[$0, default: 0]) }
        let partKilograms = device.parts.keys.sorted().flatMap { id in
            (profile.part(id)?.materials ?? []).map { [$0.material: $0.kilograms * Double(device.parts[id, default: 0])] }
        }
        return PartFlows(kits: kits, kilograms: (kitKilograms + partKilograms).reduce([:], Amounts.sum))
    }

    private func trips(of device: KindTotals) -> TripFlows {
        var kilometres: [String: Double] = [:]
        func drive(_ counts: [String: Int], default fallback: String?) {
            for (id, count) in counts {
                guard let trip = profile.trip(id == DeviceLedger.policyTrip ? fallback ?? "" : id) else { continue }
                kilometres[trip.vehicle, default: 0] += Double(count) * trip.kilometresPerDevice
            }
        }
        drive(device.visits, default: smart.visitTrip ?? profile.baseline.visitTrip)
        drive(device.collections, default: smart.collection?.trip ?? profile.baseline.collection?.trip)
        return TripFlows(visits: Double(device.visits.values.reduce(0, +)), collections: Double(device.collections.values.reduce(0, +)),
                         remoteFixes: Double(device.remoteFixes), customerFixes: Double(device.customerFixes), kilometres: kilometres)
    }

    /// Whole devices produced for lifetimes that ended, and the renovations carried out with the
    /// policy's (else the baseline's) first renovation's replacement shares.
    private func realisedLifetime(of device: KindTotals) -> LifetimeFlows {
        let ended = Double(device.ended)
        var flows = LifetimeFlows(lifeYears: smart.years, productionKilograms: Amounts.scaled(smartBill, by: ended))
        guard let renovation = smart.renovations.first ?? profile.baseline.renovations.first else { return flows }
        for (trip, count) in device.renovations.sorted(by: { $0.key < $1.key }) {
            var performed = renovation
            if trip != DeviceLedger.policyTrip { performed.trip = trip }
            flows = flows + PolicyInventory.renovation(performed, bill: smartBill, in: profile).scaled(by: Double(count))
        }
        return flows
    }
}
