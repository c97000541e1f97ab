import FleetModel

/// Turns physical flows into impact vectors with one factor table and one profile's material,
/// vehicle and electricity items. Technical coefficients (kWh/GB, W/vCPU, PUE) become
/// electricity, which the profile's grid factor characterises.
public struct Characterizer: Sendable {
    public static let dataTransmission = "data-transmission"
    public static let serverPower = "server-vcpu"
    public static let powerUsageEffectiveness = "pue"

    public let factors: FactorTable
    public let profile: DeviceProfile

    /// Categories that carry numbers (the qualitative economy ring does not).
    public let numericCategories: [ImpactCategory]
    /// Their ids sorted, so the categories without data come out sorted as `ImpactVector` keeps them.
    private let sortedNumericIDs: [String]

    public init(factors: FactorTable, profile: DeviceProfile) {
        self.factors = factors
        self.profile = profile
        numericCategories = factors.categories.filter { !$0.isQualitative }
        sortedNumericIDs = numericCategories.map(\.id).sorted()
    }

    /// Impact of `amount` of a factor item in every numeric category it has a factor for.
    public func impact(of item: String, _ amount: Quantity) -> ImpactVector {
        let itemFactors = factors.factorsByCategory(of: item)
        var values: [String: Double] = [:]
        var missing: [String] = []
        for category in sortedNumericIDs {
            if let value = itemFactors[category]?.impact(of: amount) {
                values[category] = value
            } else {
                missing.append(category)
            }
        }
        return ImpactVector(values: values, sortedMissing: missing)
    }

    /// Impact of kg per material id, through the profile's material-to-factor mapping.
    public func materials(_ kilograms: [String: Double]) -> ImpactVector {
        ImpactVector.sum(kilograms.keys.sorted().map { id in
            impact(of: profile.material(id)?.factor ?? id, Quantity(kilograms[id, default: 0], .kilogram))
        })
    }

    /// Impact of km per vehicle item.
    public func kilometres(_ kilometres: [String: Double]) -> ImpactVector {
        ImpactVector.sum(kilometres.keys.sorted().map { impact(of: $0, Quantity(kilometres[$0, default: 0], .kilometre)) })
    }

    /// Impact of electricity from the profile's grid.
    public func electricity(kilowattHours: Double) -> ImpactVector {
        impact(of: profile.electricity, Quantity(kilowattHours, .kilowattHour))
    }

    /// A technical coefficient's value; 0 when the table has none (the factors list shows it absent).
    public func coefficient(_ item: String) -> Double {
        factors.factor(item, FactorTable.technical)?.value ?? 0
    }

    /// Data centre electricity of `hours` of compute at the stated W per vCPU (or core) and PUE.
    public func computeKilowattHours(coreHours hours: Double) -> Double {
        hours * coefficient(Self.serverPower) / 1000 * coefficient(Self.powerUsageEffectiveness)
    }

    /// The impact of every term of `inventory`.
    public func impacts(of inventory: Inventory) -> TermImpacts {
        let lifetime = inventory.lifetime
        let ict = inventory.ict
        return TermImpacts([
            .parts: materials(inventory.parts.kilograms),
            .trips: kilometres(inventory.trips.kilometres),
            .production: materials(lifetime.productionKilograms),
            .renovation: materials(lifetime.renovationKilograms) + electricity(kilowattHours: lifetime.renovationKilowattHours)
                + kilometres(lifetime.renovationKilometres),
            .ictEmbodied: ImpactVector.sum(ict.embodied.keys.sorted().map { item in
                impact(of: item, Quantity(ict.embodied[item, default: 0], ict.embodiedUnits[item].flatMap(Unit.init(symbol:)) ?? .count))
            }),
            .ictElectricity: electricity(kilowattHours: ict.kilowattHours),
            .ictData: electricity(kilowattHours: ict.gigabytes * coefficient(Self.dataTransmission)),
            .ictServer: electricity(kilowattHours: computeKilowattHours(coreHours: ict.serverCoreHours)),
            .ictCompute: electricity(kilowattHours: computeKilowattHours(coreHours: ict.cpuSeconds / 3600)),
        ])
    }
}
