import FleetModel
import FleetprintTestSupport
import Foundation
import Impact
import Pipeline
import Store
import Testing
@testable import FleetprintRuntime

/// A daemon upgraded from 0.2 finds its devices saved as JSON with every metric and rule named;
/// they must resume where they were, then be written in the compact binary form.
@Suite("Checkpoints of older versions")
struct LegacyCheckpointTests {
    /// A boiler as `fleetprint run` checkpointed it before the binary records (0.2) (from a live run of `Benchmarks/ingest.sh`):
    /// a trend window of 15 slices, a rate window, a counter and an open order.
    private static let record = try! Data(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/device-record-json.json"))

    @Test("a JSON device record of 0.2 restores with its readings, windows, rule memories and open order, and survives the binary form")
    func restoresAndRewrites() throws {
        let library = ShippedProfiles.library
        let key = "boiler/boiler-00019"
        let old = Checkpoint(journalSequence: 7, devices: [StoredRecord(key: key, body: Self.record)])
        var pipeline = FleetPipeline(library: library, state: try PipelineStateCoding.state(from: old, library: library))
        let device = try #require(pipeline.state.devices[key])
        #expect(device.device == "boiler-00019" && device.counts.accepted == 5373)
        #expect(device.openWorkOrders.map(\.id) == ["boiler/boiler-00019/1"])
        let detail = try #require(pipeline.detail(of: key))
        #expect(detail.readings.first { $0.metric == "flue_gas_temperature" }?.value == 60.5)
        #expect(detail.rules["flue-gas-trend"] == "armed")
        let engine = try #require(pipeline.engine(for: "boiler"))
        let trend = try #require(engine.prognoses(of: device).first { $0.metric == "flue_gas_temperature" })
        // The saved slices rise from about 59.9 to 60.5 degC over a month: a slope near 0.02 degC/d.
        #expect(trend.slope * 86_400 > 0.005 && trend.slope * 86_400 < 0.05, "slope \(trend.slope * 86_400) degC/d")
        #expect(engine.health(of: device).allSatisfy { $0.health > 0 })

        _ = pipeline.takeChanges()
        let rewritten = try PipelineStateCoding.checkpoint(of: pipeline, changed: [try #require(pipeline.state.devices.index(forKey: key))], through: 7)
        #expect(rewritten.devices.first?.body.first == 0xFB, "written back in the binary form")
        #expect(try PipelineStateCoding.state(from: rewritten, library: library).devices[key] == device)
    }
}
