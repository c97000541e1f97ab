import FleetModel

/// A policy's flows per functional unit (one device-year): the whole-life amounts the profile
/// states, divided by the policy's life. The ledger's baseline counterfactual is this, times the
/// device's service time.
public struct PolicyInventory: Sendable {
    public let profile: DeviceProfile
    public let policy: Policy

    public init(profile: DeviceProfile, policy: Policy) {
        self.profile = profile
        self.policy = policy
    }

    private var perYear: Double { policy.years > 0 ? 1 / policy.years : 0 }

    /// Kits and their kg per device-year.
    public var parts: PartFlows {
        let kits = Dictionary(uniqueKeysWithValues: policy.kits.map { ($0.kit, Double($0.count) * perYear) })
        return PartFlows(kits: kits, kilograms: kits.keys.sorted().reduce(into: [:]) { kg, kit in
            kg = Amounts.sum(kg, Amounts.scaled(profile.materials(ofKit: kit), by: kits[kit, default: 0]))
        })
    }

    /// Visits and collections per device-year, with the km each drives per device.
    public var trips: TripFlows {
        let visits = policy.visits * perYear
        let collections = policy.collections * perYear
        var kilometres: [String: Double] = [:]
        if let trip = policy.visitTrip.flatMap(profile.trip) { kilometres[trip.vehicle, default: 0] += visits * trip.kilometresPerDevice }
        if let trip = policy.collection.flatMap({ profile.trip($0.trip) }) { kilometres[trip.vehicle, default: 0] += collections * trip.kilometresPerDevice }
        return TripFlows(visits: visits, collections: collections, kilometres: kilometres)
    }

    /// Production amortised over the life, and the planned renovations spread over it.
    public var lifetime: LifetimeFlows { production + renovations }

    /// The device's bill of materials amortised over the life.
    public var production: LifetimeFlows {
        LifetimeFlows(lifeYears: policy.years, productionKilograms: profile.billOfMaterials(of: policy)).scaled(by: perYear)
    }

    /// The planned renovations spread over the life.
    public var renovations: LifetimeFlows {
        let bill = profile.billOfMaterials(of: policy)
        return policy.renovations.reduce(LifetimeFlows(lifeYears: policy.years)) { $0 + Self.renovation($1, bill: bill, in: profile) }
            .scaled(by: perYear)
    }

    /// ICT items the policy carries, per device-year: hardware over its own life and its sharers.
    public func ict(scale: Double = 1, cpuSecondsPerYear: Double = 0) -> ICTFlows {
        let items = profile.ictItems(of: policy).map { item -> ICTFlows in
            let share = 1 / Double(max(item.sharedBy, 1))
            let itemYears = item.life.value(in: .year) ?? 0
            var embodied: [String: Double] = [:]
            var units: [String: String] = [:]
            for amount in item.embodied {
                let base = Unit.base(of: amount.amount.unit.dimension)
                embodied[amount.item, default: 0] += itemYears > 0 ? amount.amount.baseValue * share / itemYears : 0
                units[amount.item] = base.symbol
            }
            return ICTFlows(embodied: embodied, embodiedUnits: units, kilowattHours: item.kilowattHoursPerYear * share,
                            gigabytes: item.gigabytesPerYear * share,
                            serverCoreHours: (item.serverShare?.value(in: .vCPU) ?? 0) * (Quantity(1, .year).value(in: .hour) ?? 0))
        }
        let own = ICTFlows(cpuSeconds: policy.id == Policy.baselineName ? 0 : cpuSecondsPerYear)
        return items.reduce(own, +).scaled(by: scale)
    }

    /// Everything per device-year; `scale` and `cpuSecondsPerYear` apply to the ICT only.
    public func inventory(ictScale scale: Double = 1, cpuSecondsPerYear: Double = 0) -> Inventory {
        Inventory(parts: parts, trips: trips, lifetime: lifetime, ict: ict(scale: scale, cpuSecondsPerYear: cpuSecondsPerYear))
    }

    /// One renovation of a device with `bill`: the replacement share of each material's class,
    /// its workshop electricity and its trip.
    public static func renovation(_ renovation: Renovation, bill: [String: Double], in profile: DeviceProfile) -> LifetimeFlows {
        let replaced = bill.reduce(into: [String: Double]()) { kg, entry in
            let share = profile.material(entry.key).map { renovation.fraction(of: $0.materialClass) } ?? 0
            if share > 0 { kg[entry.key] = entry.value * share }
        }
        var kilometres: [String: Double] = [:]
        if let trip = renovation.trip.flatMap(profile.trip) { kilometres[trip.vehicle] = trip.kilometresPerDevice }
        return LifetimeFlows(renovations: 1, renovationKilograms: replaced,
                             renovationKilowattHours: renovation.energy?.value(in: .kilowattHour) ?? 0, renovationKilometres: kilometres)
    }
}
