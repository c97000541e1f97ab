import FleetModel
import FleetprintTestSupport
import Foundation
import Impact
import Testing

/// The retained summary as the daemon publishes it, at fleet scale: small, and true to its schema.
@Suite struct SummaryContractTests {
    static let kinds = ["boiler", "ebike-battery", "facade", "speedgate", "underground-container"]

    /// 10,000 devices of the five kinds with service history, 50 open orders with long reasons,
    /// and unknown devices: the largest summary a daemon of that size can publish.
    static func summary(devices: Int) throws -> DaemonSummary {
        let library = try Fixtures.library()
        var ledger = ImpactLedger()
        for index in 0..<devices {
            let kind = kinds[index % kinds.count]
            let device = "\(kind)-\(index)"
            ledger.commission(device: device, kind: kind, at: Fixtures.start)
            ledger.record(ServiceEvent(device: device, kind: kind, time: Fixtures.years(1), action: index % 3 == 0 ? .remoteFix : .customerFix))
            ledger.receive(bytes: 400 * 1_000, device: DeviceIdentity(kind: kind, id: device), at: Fixtures.years(2))
        }
        for index in 0..<25 { ledger.commission(device: "stray-\(index)", kind: "toaster", at: Fixtures.start) }
        ledger.addCompute(cpuSeconds: 1_234.5)
        let orders = (0..<DaemonSummary.openOrderLimit).map { index in
            WorkOrder(id: "boiler-\(index)-flue-gas-fouling-1767225600", device: "boiler-\(index)", kind: "boiler", rule: "flue-gas-fouling",
                      issuedAt: Fixtures.years(2), priority: index % 5 == 0 ? .alarm : .alert, kit: "medium", resolution: .technician,
                      note: "heat exchanger fouling", reason: "flue_gas_temperature 86.2 degC above the alarm limit 85 degC for 2 hours",
                      due: Fixtures.years(2.1))
        }
        let counters = PipelineCounters()
        return DaemonSummary(instance: "local", publishedAt: Fixtures.years(2), eventTime: Fixtures.years(2), devices: devices,
                             messagesPerSecond: 12_345.6, counters: counters, openWorkOrders: orders, openWorkOrderCount: 812,
                             cpuSeconds: 1_234.5, impact: LedgerModel(library: library).summary(of: ledger),
                             activity: KindActivity.of(ledger, at: Fixtures.years(2)))
    }

    @Test func theSummaryOf10000DevicesIsUnder16KBAndValidatesAgainstItsSchema() throws {
        let data = try Self.summary(devices: 10_000).encoded()
        #expect(data.count < 16 * 1024, "summary is \(data.count) bytes")
        let problems = try SchemaCheck.validate(data, schema: SchemaCheck.schema("summary"))
        #expect(problems.isEmpty, "\(problems)")
    }

    @Test func theSummarySizeDoesNotGrowWithTheFleet() throws {
        let small = try Self.summary(devices: 100).encoded().count
        let large = try Self.summary(devices: 10_000).encoded().count
        #expect(abs(large - small) < 512, "100 devices: \(small) bytes; 10,000: \(large) bytes")
    }

    @Test func aDecodedSummaryShowsTheDaemonsNumbersToSixDigits() throws {
        let summary = try Self.summary(devices: 500)
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let decoded = try decoder.decode(DaemonSummary.self, from: try summary.encoded())
        #expect(decoded.impact.categories == summary.impact.categories)
        #expect(decoded.impact.kinds.map(\.name) == summary.impact.kinds.map(\.name))
        #expect(decoded.impact.unpricedDevices == 25 && decoded.impact.unpricedSample.count == FleetSummary.unpricedSampleLimit)
        for (before, after) in zip(summary.impact.fleet.realised.categories, decoded.impact.fleet.realised.categories) {
            #expect(before.id == after.id && before.name == after.name && before.coverage == after.coverage)
            if let value = before.case, let read = after.case { #expect(abs(read - value) <= 1e-5 * abs(value), "\(before.id)") }
        }
    }

    @Test func aSummaryOfAnotherSchemaVersionIsRefused() throws {
        var object = try #require(try JSONSerialization.jsonObject(with: try Self.summary(devices: 10).encoded()) as? [String: Any])
        object["schema"] = "fleetprint.summary/1"
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let data = try JSONSerialization.data(withJSONObject: object)
        #expect(throws: DecodingError.self) { try decoder.decode(DaemonSummary.self, from: data) }
    }
}
