import FleetModel

/// The case studies' "rose" (docs/DOMAIN.md section 2): three rings of indicators and three summary
/// petals, each coloured by one of the eight classes or neutral. An indicator aggregates its
/// categories weighted by their shadow-priced impacts (`RosePetal`).
///
/// The economy ring is qualitative in the method; here each of its indicators is the relative
/// change of the activity it stands for, so that "less is better" colours it: transport is km
/// driven, waste is kg of material consumed, reuse is the device's life (a longer life is more
/// reuse, so its relative is the life's relative change with the sign turned).
public struct Rose: Sendable, Hashable, Codable {
    public var rings: [RosePetal]
    /// CO2-eq (climate change), value (mean of the economy ring), resources (mean of the resources ring).
    public var summary: [RosePetal]

    public init(categories: [ImpactCategory], results: [CategoryResult], baseline: Inventory, case smart: Inventory) {
        let byCategory = Dictionary(uniqueKeysWithValues: results.map { ($0.category, $0) })
        var rings: [RosePetal] = []
        for theme in [RoseTheme.naturalResources, .peopleAndEnvironment] {
            var indicators: [String] = []
            for category in categories where category.theme == theme && !indicators.contains(category.indicator) {
                indicators.append(category.indicator)
            }
            rings += indicators.map { indicator in
                RosePetal(ring: theme, indicator: indicator,
                          categories: categories.filter { $0.theme == theme && $0.indicator == indicator }, results: byCategory)
            }
        }
        let economy: [String: Double?] = [
            "transport": Self.change(baseline.kilometres, smart.kilometres),
            "waste": Self.change(baseline.materialKilograms, smart.materialKilograms),
            "reuse": Self.change(baseline.lifetime.lifeYears, smart.lifetime.lifeYears).map { -$0 },
        ]
        rings += categories.filter { $0.theme == .economy }.map { RosePetal(ring: .economy, indicator: $0.id, relative: economy[$0.id] ?? nil) }
        self.rings = rings
        summary = [
            RosePetal(ring: .peopleAndEnvironment, indicator: "CO2-eq", relative: byCategory[FactorTable.climateChange]?.relative, weighting: "one category"),
            RosePetal(ring: .economy, indicator: "value", relative: RosePetal.mean(rings.filter { $0.ring == .economy }.map(\.relative)), weighting: "mean of the economy ring"),
            RosePetal(ring: .naturalResources, indicator: "resources", relative: RosePetal.mean(rings.filter { $0.ring == .naturalResources }.map(\.relative)), weighting: "mean of the resources ring"),
        ]
    }

    /// Relative change, 0 when both are 0, nil from nothing to something.
    static func change(_ baseline: Double, _ smart: Double) -> Double? {
        baseline != 0 ? (smart - baseline) / baseline : (smart == 0 ? 0 : nil)
    }
}
