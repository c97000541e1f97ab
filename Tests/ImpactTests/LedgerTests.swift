import FleetModel
import Foundation
import Impact
import Testing

@Suite struct LedgerTests {
    /// A boiler on scenario-1 for three years: one visit with a medium kit, two remote fixes, one customer fix.
    func boilerLedger() -> ImpactLedger {
        var ledger = ImpactLedger()
        ledger.commission(device: "b1", kind: "boiler", at: Fixtures.start)
        ledger.record(ServiceEvent(device: "b1", kind: "boiler", time: Fixtures.years(1), action: .remoteFix))
        ledger.record(ServiceEvent(device: "b1", kind: "boiler", time: Fixtures.years(1.5), action: .visit, kit: "medium"))
        ledger.record(ServiceEvent(device: "b1", kind: "boiler", time: Fixtures.years(2), action: .remoteFix))
        ledger.record(ServiceEvent(device: "b1", kind: "boiler", time: Fixtures.years(2.5), action: .customerFix))
        ledger.receive(bytes: 0, device: DeviceIdentity(kind: "boiler", id: "b1"), at: Fixtures.years(3))
        return ledger
    }

    @Test func eventsGiveTheExpectedAvoidedKitsAndVisits() throws {
        let device = try #require(boilerLedger().device(DeviceIdentity(kind: "boiler", id: "b1")))
        let report = try #require(LedgerModel(library: try Fixtures.library()).report(device))
        #expect(abs(report.serviceYears - 3) < 1e-9)
        let realised = report.realised
        // Baseline: 15 kits and 15 visits over 15 years, so 3 of each over 3 years (1.6 small, 0.8 medium, 0.6 extended).
        #expect(abs(realised.avoidedKits["small", default: 0] - 1.6) < 1e-9)
        #expect(abs(realised.avoidedKits["medium", default: 0] - (0.8 - 1)) < 1e-9)
        #expect(abs(realised.avoidedKits["extended", default: 0] - 0.6) < 1e-9)
        #expect(abs(realised.avoidedVisits - 2) < 1e-9)
        // Two visits avoided, each a stop on a 60 km round of six (the profile's shared_by).
        #expect(abs(realised.avoidedKilometres - 2 * 60.0 / 6) < 1e-9)
        #expect(realised.case.inventory.trips.remoteFixes == 2)
        #expect(realised.case.inventory.trips.customerFixes == 1)
        // Nothing has ended yet: production is projected, not realised.
        #expect(Amounts.total(realised.case.inventory.lifetime.productionKilograms) == 0)
        #expect(report.projected.delta(of: .lifetime, in: FactorTable.climateChange) == 0)
    }

    @Test func renovationEventUsesTheReplacementShares() throws {
        var ledger = ImpactLedger()
        ledger.commission(device: "f1", kind: "facade", at: Fixtures.start)
        ledger.record(ServiceEvent(device: "f1", kind: "facade", time: Fixtures.years(30), action: .renovation))
        let device = try #require(ledger.device(DeviceIdentity(kind: "facade", id: "f1")))
        let report = try #require(LedgerModel(library: try Fixtures.library()).report(device))
        let renovated = report.realised.case.inventory.lifetime.renovationKilograms
        #expect(abs(renovated["glass", default: 0] - 112 * 0.8) < 1e-9)
        #expect(abs(renovated["epdm", default: 0] - 3) < 1e-9)
        #expect(abs(renovated["aluminium", default: 0] - 45 * 0.05) < 1e-9)
    }

    @Test func summaryAddsKindsAndChargesComputeToTheFleet() throws {
        var ledger = boilerLedger()
        ledger.commission(device: "g1", kind: "speedgate", at: Fixtures.start)
        ledger.receive(bytes: 0, device: DeviceIdentity(kind: "speedgate", id: "g1"), at: Fixtures.years(1))
        ledger.commission(device: "x1", kind: "unknown-kind", at: Fixtures.start)
        ledger.addCompute(cpuSeconds: 3600)
        let library = try Fixtures.library()
        let summary = LedgerModel(library: library).summary(of: ledger)
        #expect(summary.kinds.map(\.name) == ["boiler", "speedgate"])
        #expect(summary.fleet.devices == 2)
        #expect(summary.unpricedDevices == 1 && summary.unpricedSample == ["x1"])
        #expect(abs(summary.fleet.serviceYears - 4) < 1e-9)
        // One CPU-hour at the factor set's W per vCPU and PUE, on the Dutch grid, all on the case side.
        let factors = library.factors
        let kilowattHours = try #require(factors.factor("server-vcpu", FactorTable.technical)?.value) / 1000 * (try #require(factors.factor("pue", FactorTable.technical)?.value))
        let expected = kilowattHours * (try #require(factors.factor("electricity-nl", FactorTable.climateChange)?.value))
        #expect(abs(summary.fleet.realised.climateDelta(of: .ictCompute) - expected) < 1e-9)
    }

    @Test("a device's ledger takes 128 bytes, times in eight and counts in four")
    func deviceLedgerSize() {
        #expect(MemoryLayout<DeviceLedger>.stride == 96)
    }

    @Test func stateRoundTripsToTheSameBytes() throws {
        let ledger = boilerLedger()
        let data = try ledger.encoded()
        let decoded = try ImpactLedger.decoded(from: data)
        #expect(decoded == ledger)
        #expect(try decoded.encoded() == data)
    }
}

@Suite("Impact vectors")
struct ImpactVectorTests {
    @Test("a sum keeps the sorted union of the categories without data, and adds the values")
    func sumOfMissing() {
        let a = ImpactVector(values: ["climate-change": 1], missing: ["water-depletion", "fossil-depletion", "fossil-depletion"])
        let b = ImpactVector(values: ["climate-change": 2, "fossil-depletion": 3], missing: ["metal-depletion", "water-depletion"])
        let sum = a + b
        #expect(a.missing == ["fossil-depletion", "water-depletion"])
        #expect(sum.missing == ["fossil-depletion", "metal-depletion", "water-depletion"])
        #expect(sum.values == ["climate-change": 3, "fossil-depletion": 3])
        #expect((a + .zero) == a && (.zero + b) == b)
        #expect(ImpactVector.sum([a, b, a]).missing == sum.missing)
        #expect(sum.scaled(by: 2).missing == sum.missing)
    }

    @Test func aBoilerAndASpeedgateWithTheSameIdKeepSeparateLedgers() throws {
        var ledger = ImpactLedger()
        ledger.commission(device: "g1", kind: "boiler", at: Fixtures.start)
        ledger.commission(device: "g1", kind: "speedgate", at: Fixtures.start)
        ledger.record(ServiceEvent(device: "g1", kind: "boiler", time: Fixtures.years(1), action: .visit, kit: "small"))
        ledger.record(ServiceEvent(device: "g1", kind: "speedgate", time: Fixtures.years(2), action: .remoteFix))
        #expect(ledger.devices.count == 2)
        let boiler = try #require(ledger.device(DeviceIdentity(kind: "boiler", id: "g1")))
        let gate = try #require(ledger.device(DeviceIdentity(kind: "speedgate", id: "g1")))
        #expect(boiler.kits == ["small": 1] && boiler.remoteFixes == 0 && boiler.lastSeen == Fixtures.years(1))
        #expect(gate.kits.isEmpty && gate.remoteFixes == 1 && gate.lastSeen == Fixtures.years(2))
        let summary = LedgerModel(library: try Fixtures.library()).summary(of: ledger)
        #expect(summary.kinds.map { "\($0.name):\($0.devices)" } == ["boiler:1", "speedgate:1"])
        // Saved and restored, they stay two.
        #expect(try ImpactLedger.decoded(from: try ledger.encoded()) == ledger)
    }

    @Test func aLedgerSavedUnderIdsAloneRestoresUnderKindAndId() throws {
        let old = Data("""
            {"cpuSeconds":2,"devices":{"b1":{"bytesReceived":10,"collections":{},"customerFixes":0,"device":"b1","kind":"boiler","kits":{},"parts":{},\
            "remoteFixes":1,"renovations":{},"renovationsOfUnit":0,"replacements":0,"visits":{}}}}
            """.utf8)
        let ledger = try ImpactLedger.decoded(from: old)
        #expect(ledger.devices.map(\.key) == ["boiler/b1"])
        #expect(ledger.device(DeviceIdentity(kind: "boiler", id: "b1"))?.remoteFixes == 1)
        #expect(ledger.cpuSeconds == 2)
    }
}
