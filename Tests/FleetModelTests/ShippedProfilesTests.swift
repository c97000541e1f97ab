import FleetModel
import Testing

@Suite("Shipped profiles and factors")
struct ShippedProfilesTests {
    static let kinds = ["boiler", "ebike-battery", "facade", "speedgate", "underground-container"]

    @Test("all five profiles load and validate against the default factor set")
    func loadsAll() throws {
        let library = try RepositoryFiles.library()
        #expect(library.kinds == Self.kinds)
    }

    @Test("the default factor set: EF 3.0, CE Delft 2024 prices, the technical ICT coefficients")
    func factors() throws {
        let table = try RepositoryFiles.factorTable()
        #expect(table.method == "ef-3.0" && table.priceSet == "ce-delft-2024")
        #expect(table.factor("electricity-nl", FactorTable.climateChange)?.unit.description == "kg CO2-eq/kWh")
        #expect(table.factor("van-diesel", FactorTable.climateChange)?.unit.description == "kg CO2-eq/km")
        let transmission = try #require(table.factor("data-transmission", FactorTable.technical))
        #expect(transmission.low == 0.001 && transmission.high == 0.06 && transmission.unit.description == "kWh/GB")
        #expect(table.factor("server-vcpu", FactorTable.technical)?.low == 0.74)
        #expect(table.category(FactorTable.climateChange)?.euroPerUnit == 0.13)
        #expect(table.category(named: "Global warming")?.id == FactorTable.climateChange)
        #expect(table.categories.filter { $0.theme == .naturalResources }.count == 4)
        #expect(table.categories.filter { !$0.isQualitative }.count == 16)
    }

    @Test("boiler: kit counts, visits and kit contents as in the case")
    func boiler() throws {
        let boiler = try #require(try RepositoryFiles.library().profile("boiler"))
        #expect(boiler.baseline.kits.map(\.count).reduce(0, +) == 15)
        #expect(boiler.baseline.visits == 15)
        #expect(boiler.scenario("scenario-1")?.visits == 5)
        #expect(boiler.scenario("scenario-2")?.count(of: "small") == 0)
        #expect(boiler.scenario("scenario-2")?.visits == 3)
        let small = boiler.materials(ofKit: "small")
        #expect(abs((small["steel"] ?? 0) - 0.03) < 1e-9 && abs((small["rubber"] ?? 0) - 0.07) < 1e-9)
    }
}
