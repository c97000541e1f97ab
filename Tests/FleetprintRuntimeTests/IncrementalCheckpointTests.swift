import FleetModel
import FleetprintTestSupport
import Foundation
import Impact
import Pipeline
import Store
import Testing
@testable import FleetprintRuntime

/// Checkpoints write only the devices that changed (CBM state and ledger); what a store holds
/// after several of them must be the state, exactly as one full checkpoint would give it.
@Suite("Incremental checkpoints")
struct IncrementalCheckpointTests {
    private static func folder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("fleetprint-checkpoint-\(UUID().uuidString)")
    }

    /// The state a restarted pipeline runs with (it rebuilds what is never saved).
    private static func resumed(_ state: PipelineState) throws -> PipelineState {
        FleetPipeline(library: try BoilerStream.library(), state: state).state
    }

    private static func ingest(_ messages: [(topic: String, payload: [UInt8])], into pipeline: inout FleetPipeline) {
        for message in messages { _ = pipeline.ingest(topic: message.topic, payload: message.payload) }
    }

    @Test("checkpoints of what changed, then a restart, give the state one full checkpoint gives")
    func incrementalEqualsFull() throws {
        var pipeline = FleetPipeline(library: try BoilerStream.library())
        let incremental = Self.folder(), full = Self.folder()
        defer { for folder in [incremental, full] { try? FileManager.default.removeItem(at: folder) } }
        let store = try FleetStore(directory: incremental, initialize: true)
        // Three boilers, then only one of them fouls and gets a work order, then compute time.
        Self.ingest(["b-1", "b-2", "b-3"].flatMap { BoilerStream.samples(device: $0, from: BoilerStream.start, hours: 1, flue: 60) }, into: &pipeline)
        var changed = pipeline.takeChanges()
        #expect(changed.count == 3)
        try store.write(try PipelineStateCoding.checkpoint(of: pipeline, changed: changed, through: 1), at: 1)
        Self.ingest(BoilerStream.samples(device: "b-2", from: BoilerStream.start.addingTimeInterval(3600), hours: 5, flue: 92), into: &pipeline)
        pipeline.addCompute(cpuSeconds: 12.5)
        changed = pipeline.takeChanges()
        #expect(changed.map(pipeline.state.devices.key(at:)) == ["boiler/b-2"])
        let written = try PipelineStateCoding.checkpoint(of: pipeline, changed: changed, through: 2)
        #expect(written.devices.map(\.key) == ["boiler/b-2"])
        #expect(Set(written.ledger.map(\.key)) == ["boiler/b-2", "fleet", "progress"], "only the changed device's ledger is written")
        try store.write(written, at: 2)

        let restored = try Self.resumed(try PipelineStateCoding.state(from: try FleetStore(directory: incremental).load(), library: try BoilerStream.library()))
        let fullStore = try FleetStore(directory: full, initialize: true)
        try fullStore.write(try PipelineStateCoding.checkpoint(of: pipeline, changed: Array(0 ..< pipeline.state.devices.count), through: 2), at: 2)
        let fromFull = try Self.resumed(try PipelineStateCoding.state(from: try FleetStore(directory: full).load(), library: try BoilerStream.library()))
        #expect(restored == pipeline.state)
        #expect(restored == fromFull)
        #expect(restored.ledger.cpuSeconds == 12.5)
        #expect(restored.openWorkOrders.count == pipeline.state.openWorkOrders.count && !restored.openWorkOrders.isEmpty)
    }

    @Test("the fleet-wide progress record does not grow with the fleet: flood windows are saved with their devices")
    func progressRecordIsSmall() throws {
        func progressBytes(devices: Int) throws -> Int {
            var pipeline = FleetPipeline(library: try BoilerStream.library())
            Self.ingest((0..<devices).map { (BoilerStream.topic("b-\($0)"), BoilerStream.payload(at: BoilerStream.start)) }, into: &pipeline)
            let written = try PipelineStateCoding.checkpoint(of: pipeline, changed: pipeline.takeChanges(), through: 1)
            #expect(written.devices.count == devices)
            return try #require(written.ledger.first { $0.key == "progress" }).body.count
        }
        let (few, many) = (try progressBytes(devices: 10), try progressBytes(devices: 2_000))
        #expect(many - few < 64, "10 devices: \(few) bytes; 2,000: \(many) bytes")
    }

    @Test("a store written with the whole ledger in one record restores, and newer device records override it")
    func wholeLedgerRecordStillRestores() throws {
        var pipeline = FleetPipeline(library: try BoilerStream.library())
        Self.ingest(BoilerStream.samples(device: "b-1", from: BoilerStream.start, hours: 1, flue: 60), into: &pipeline)
        let oldPipeline = pipeline
        let old = oldPipeline.state
        var checkpoint = try PipelineStateCoding.checkpoint(of: oldPipeline, changed: Array(0 ..< old.devices.count), through: 1)
        checkpoint.ledger = checkpoint.ledger.filter { $0.key == "progress" } + [StoredRecord(key: "ledger", body: try old.ledger.encoded())]
        #expect(try Self.resumed(try PipelineStateCoding.state(from: checkpoint, library: try BoilerStream.library())) == old)
        Self.ingest(BoilerStream.samples(device: "b-1", from: BoilerStream.start.addingTimeInterval(3600), hours: 1, flue: 60), into: &pipeline)
        let newer = try PipelineStateCoding.checkpoint(of: pipeline, changed: pipeline.takeChanges(), through: 2)
        checkpoint.ledger += newer.ledger
        checkpoint.devices = newer.devices
        #expect(try Self.resumed(try PipelineStateCoding.state(from: checkpoint, library: try BoilerStream.library())) == pipeline.state)
    }
}
