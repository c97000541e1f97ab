import FleetModel
import Foundation
import Testing

/// The shipped open factor set (Config/factors/open-lca.csv, derived by Config/factors/derive/)
/// against the shipped profiles, the methods and the price sets.
@Suite("Open factor set")
struct OpenFactorSetTests {
    /// EF 3.0 categories the open default data cover for every item a shipped profile uses.
    /// The other four (land use, ionising radiation, freshwater eutrophication, minerals and
    /// metals) are partial: USLCI books no usable flows for them in some chains
    /// (Config/factors/derive/README.md lists each gap and its reason).
    static let completeCategories = [
        "climate-change", "ozone-depletion", "photochemical-ozone-formation", "particulate-matter", "acidification",
        "eutrophication-marine", "eutrophication-terrestrial", "ecotoxicity-freshwater", "human-toxicity-cancer",
        "human-toxicity-non-cancer", "resource-use-fossils", "water-use",
    ]

    /// Every factor item a profile's flows can touch: its grid, its materials' factors, its
    /// vehicles and its ICT items' embodied items.
    static func items(of profile: DeviceProfile) -> Set<String> {
        Set([profile.electricity] + profile.materials.map(\.factor) + profile.trips.map(\.vehicle) + profile.ict.flatMap { $0.embodied.map(\.item) })
    }

    @Test("every item of every shipped profile has a factor in each of at least 12 EF 3.0 categories")
    func completeForShippedProfiles() throws {
        let library = try RepositoryFiles.library()
        #expect(library.factors.method == FactorSet.defaultMethod)
        #expect(Self.completeCategories.count >= 12)
        for category in Self.completeCategories { #expect(library.factors.category(category) != nil, "\(category) is not an EF 3.0 category") }
        for profile in library.profiles {
            for item in Self.items(of: profile).sorted() {
                for category in Self.completeCategories {
                    #expect(library.factors.factor(item, category) != nil, "\(profile.kind): \(item) has no factor in \(category)")
                }
            }
        }
    }

    @Test("every row of open-lca.csv names its method, source, year and licence, and lies within its range")
    func rowsAreSourced() throws {
        let text = try String(contentsOf: RepositoryFiles.root.appendingPathComponent("Config/factors/open-lca.csv"), encoding: .utf8)
        let lines = text.split(separator: "\n").filter { !$0.hasPrefix("#") }
        #expect(lines.first == "method,item,category,value,unit,low,high,source,year,licence")
        for method in ["ef-3.0", "recipe-2016"] {
            let table = try RepositoryFiles.factorTable(method: method, prices: "ce-delft-2024")
            let factors = table.allFactors.filter { $0.category != FactorTable.technical }
            #expect(!factors.isEmpty)
            for factor in factors {
                #expect(!factor.source.isEmpty && !factor.licence.isEmpty && factor.licence != "user-supplied", "\(factor.origin)")
                #expect(factor.year != nil, "\(factor.origin): no year")
                if let low = factor.low, let high = factor.high { #expect(low <= factor.value && factor.value <= high, "\(factor.origin)") }
            }
        }
    }

    @Test("each price set prices only categories of the method in use, in their own units")
    func pricesFitTheirMethod() throws {
        let ef = try RepositoryFiles.factorTable(method: "ef-3.0", prices: "ce-delft-2024")
        #expect(ef.category("climate-change")?.euroPerUnit == 0.13)
        #expect(ef.category("particulate-matter")?.euroPerUnit == 764_627)
        #expect(ef.category("land-use")?.euroPerUnit == nil)
        #expect(ef.categories.filter { $0.euroPerUnit != nil }.count == 9)
        let recipe = try RepositoryFiles.factorTable(method: "recipe-2016", prices: "ce-delft-2024")
        #expect(recipe.categories.filter { !$0.isQualitative }.allSatisfy { $0.euroPerUnit != nil })
        #expect(recipe.category("particulate-matter-formation")?.euroPerUnit == 84.7)
        let cases = try RepositoryFiles.factorTable(method: "recipe-2016", prices: "case-studies")
        #expect(cases.category("climate-change")?.euroPerUnit == 0.057)
        #expect(cases.category("ozone-formation-terrestrial-ecosystems")?.euroPerUnit == nil)
        // The case studies priced ReCiPe only: under EF 3.0 nothing of it applies.
        let efCases = try RepositoryFiles.factorTable(method: "ef-3.0", prices: "case-studies")
        #expect(efCases.categories.allSatisfy { $0.euroPerUnit == nil })
    }

    @Test("a price in another unit than its category's is refused with its line")
    func priceInAnotherUnit() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("prices-\(UInt64.random(in: 0...UInt64.max))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let prices = folder.appendingPathComponent("mixed.csv")
        try """
            method,category,unit,euro_per_unit,low,high,source,year
            ef-3.0,climate-change,kg CO2-eq,0.1,,,test,2021
            ef-3.0,particulate-matter,kg PM2.5-eq,84.7,,,ReCiPe price put on EF,2021
            """.write(to: prices, atomically: true, encoding: .utf8)
        var set = RepositoryFiles.factorSet
        set.prices = prices
        let failure = #expect(throws: ValidationFailure.self) { try ProfileLoader.factorTable(set) }
        #expect(failure?.issues.map(\.description) == [
            "\(prices.relativePath):3: unit: price unit 'kg PM2.5-eq' is not the unit of ef-3.0 particulate-matter (disease incidence); a price only applies in its own method's unit",
        ])
    }

    @Test("rows of another method are skipped, and a file with only such rows is reported")
    func methodColumn() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("methods-\(UInt64.random(in: 0...UInt64.max))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let mixed = folder.appendingPathComponent("mixed.csv")
        try """
            method,item,category,value,unit
            ef-3.0,steel,climate-change,1.5,kg CO2-eq/kg
            recipe-2016,steel,climate-change,99,kg CO2-eq/kg
            """.write(to: mixed, atomically: true, encoding: .utf8)
        let table = try ProfileLoader.factorTable(FactorSet.shipped(root: RepositoryFiles.root, extraFactors: [mixed]))
        #expect(table.factor("steel", FactorTable.climateChange)?.value == 1.5)
        let other = folder.appendingPathComponent("other.csv")
        try "method,item,category,value,unit\nrecipe-2016,steel,climate-change,99,kg CO2-eq/kg\n".write(to: other, atomically: true, encoding: .utf8)
        let failure = #expect(throws: ValidationFailure.self) {
            try ProfileLoader.factorTable(FactorSet.shipped(root: RepositoryFiles.root, extraFactors: [other]))
        }
        #expect(failure?.issues.first?.description.contains("no row is of method ef-3.0; the file has recipe-2016") == true)
    }
}
