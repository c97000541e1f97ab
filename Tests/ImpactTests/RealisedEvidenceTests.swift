import FleetModel
import Foundation
import Impact
import Testing

/// Realised figures are judged only when the service behind them can carry a verdict.
@Suite("Too early to judge")
struct RealisedEvidenceTests {
    /// `devices` boilers that each ran `years`, with `visits` technician visits (a medium kit
    /// each) spread over the fleet, priced as the daemon's summary prices them.
    static func boilers(_ devices: Int, years: Double, visits: Int) throws -> GroupSummary {
        try summary(devices, years: years, visits: visits).fleet
    }

    static func summary(_ devices: Int, years: Double, visits: Int) throws -> FleetSummary {
        var ledger = ImpactLedger()
        for index in 0..<devices {
            let id = "b-\(index)"
            ledger.commission(device: id, kind: "boiler", at: Fixtures.start)
            ledger.receive(bytes: 1_000, device: DeviceIdentity(kind: "boiler", id: id), at: Fixtures.years(years))
        }
        for visit in 0..<visits {
            ledger.record(ServiceEvent(device: "b-\(visit % devices)", kind: "boiler", time: Fixtures.years(years / 2), action: .visit, kit: "medium"))
        }
        return LedgerModel(library: try Fixtures.library()).summary(of: ledger)
    }

    @Test("0.05 device-years: every realised category is too early to judge, and no relative figure is given")
    func tooEarly() throws {
        let fleet = try Self.boilers(10, years: 0.005, visits: 0)
        let evidence = fleet.evidence
        #expect(abs(evidence.serviceYears - 0.05) < 0.001)
        #expect(evidence.baselineEvents < 1)
        let withData = fleet.realised.categories.filter { $0.delta != nil }
        #expect(withData.count >= 12)
        for category in withData {
            #expect(!evidence.judges(category), "\(category.id)")
            #expect(evidence.relative(category) == nil, "\(category.id)")
        }
        let json = try JSONSerialization.jsonObject(with: ContractJSON.encoder.encode(try Self.summary(10, years: 0.005, visits: 0))) as? [String: Any]
        let verdicts = try #require((json?["fleetJudgement"] as? [String: Any])?["verdicts"] as? String)
        #expect(verdicts.contains("t") && !verdicts.contains("j"), "\(verdicts)")
    }

    @Test("50 device-years of boilers whose condition-based service saved most visits: the climate range excludes zero")
    func clearSaving() throws {
        let fleet = try Self.boilers(50, years: 1, visits: 10)
        let climate = try #require(fleet.realised.climate)
        let range = try #require(climate.deltaRange)
        #expect(abs(fleet.evidence.baselineEvents - 50) < 0.5)
        #expect(range.upperBound < 0, "\(range)")
        #expect(range.contains(try #require(climate.delta)))
        #expect(fleet.evidence.judges(climate))
        #expect(try #require(fleet.evidence.relative(climate)) < -0.5)
    }

    @Test("below the minimum of service, a clear saving is judged by its range and a close result is not")
    func rangeDecides() throws {
        let saving = try Self.boilers(8, years: 1, visits: 0)
        let savingClimate = try #require(saving.realised.climate)
        #expect(saving.evidence.serviceYears < RealisedEvidence.minimumServiceYears)
        #expect(saving.evidence.judges(savingClimate))

        let close = try Self.boilers(8, years: 1, visits: 8)
        let closeClimate = try #require(close.realised.climate)
        #expect(try #require(closeClimate.deltaRange).contains(0))
        #expect(!close.evidence.judges(closeClimate))
    }

    @Test("variances of kinds add: the fleet's range is no wider than the sum of its kinds' half-widths")
    func variancesAdd() throws {
        let (one, two) = (try Self.boilers(20, years: 1, visits: 5), try Self.boilers(30, years: 1, visits: 5))
        let sum = one + two
        let variances = [one, two, sum].map { $0.realised.climate?.baselineVariance ?? -1 }
        #expect(abs(variances[2] - variances[0] - variances[1]) < 1e-9 * variances[2])
        #expect(sum.evidence.baselineEvents == one.evidence.baselineEvents + two.evidence.baselineEvents)
    }
}
