import FleetModel
import Foundation
import Testing

@Suite("Factor files")
struct FactorTableTests {
    private func userFile(_ csv: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("user-factors-\(UInt64.random(in: 0...UInt64.max)).csv")
        try csv.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    @Test("a user's ReCiPe export with its own header names overrides item by item under --method recipe-2016")
    func userOverride() throws {
        let url = try userFile("""
            Flow;Impact category;Amount;Unit
            steel;Global warming;1.9;kg CO2-eq/kg
            steel;Fossil resource scarcity;0.6;kg oil-eq/kg
            steel;Human toxicity: carcinogenic;0.2;kg 1.4-DCB/kg
            """)
        defer { try? FileManager.default.removeItem(at: url) }
        let table = try ProfileLoader.factorTable(.shipped(root: RepositoryFiles.root, method: "recipe-2016", extraFactors: [url]))
        #expect(table.method == "recipe-2016")
        #expect(table.factor("steel", FactorTable.climateChange)?.value == 1.9)
        #expect(table.factor("steel", "fossil-resource-scarcity")?.value == 0.6)
        #expect(table.factor("steel", "human-toxicity-cancer")?.value == 0.2)
        #expect(table.factor("steel", FactorTable.climateChange)?.licence == "user-supplied")
        let aluminium = try #require(table.factor("aluminium", FactorTable.climateChange))
        #expect(aluminium.origin.hasPrefix("open-lca.csv:"))
    }

    @Test("bad rows are all reported with file, line and column")
    func badRows() throws {
        let url = try userFile("""
            item,category,value,unit
            # a comment line
            steel,climate change,two,kg CO2-eq/kg
            glass,smell,1,kg CO2-eq/kg
            pvc,climate-change,1,kg SO2-eq/kg
            """)
        defer { try? FileManager.default.removeItem(at: url) }
        let failure = #expect(throws: ValidationFailure.self) {
            try ProfileLoader.factorTable(.shipped(root: RepositoryFiles.root, extraFactors: [url]))
        }
        let name = url.relativePath
        #expect(failure?.issues.map(\.description) == [
            "\(name):3: value: expected a number, got 'two'",
            "\(name):4: category: unknown impact category 'smell' in method ef-3.0; expected a category of Config/factors/methods/ef-3.0.csv (id, name or alias) or 'technical', or choose the method the file was made with (--method)",
            "\(name):5: unit: unit mismatch: ef-3.0 climate-change is measured in kg CO2-eq, got kg SO2-eq",
        ])
    }

    @Test("a factor's impact uses its reference unit")
    func impact() throws {
        let table = try RepositoryFiles.factorTable()
        let battery = try #require(table.factor("li-ion-battery", FactorTable.climateChange))
        #expect(abs(battery.impact(of: Quantity(4500, .gram))! - 4.5 * battery.value) < 1e-9)
        #expect(battery.impact(of: Quantity(1, .kilometre)) == nil)
    }
}
