import FleetModel
import Foundation
import Impact
import Maintenance
import Pipeline
import Store

/// Turns the pipeline's state into the Store's records and back: per changed device its CBM
/// state with its flood window, and its ledger, as compact binary records (so a checkpoint's cost
/// follows what changed, not the fleet's size, at a few microseconds a device); the fleet-wide
/// ledger terms and progress (watermark, timers, counters) as small JSON records. Records of older
/// versions (JSON device states, a whole-ledger record) are still read.
enum PipelineStateCoding {
    /// The whole ledger as one record: what checkpoints before per-device ledgers wrote.
    private static let wholeLedgerKey = "ledger"
    private static let fleetKey = "fleet"
    private static let progressKey = "progress"
    /// First byte of a binary record; JSON records start with "{".
    private static let binaryMark: UInt8 = 0xFB

    /// The fleet-wide ledger terms.
    private struct FleetTerms: Codable {
        var cpuSeconds: Double
    }

    /// The fleet-wide part of the state that is neither a device nor the ledger.
    private struct Progress: Codable {
        var watermark: Date?
        var timersRunTo: Date?
        var counters: PipelineCounters
        /// Every device's flood window, as checkpoints wrote them before the windows moved into the
        /// device records (written whole, it cost 60 bytes per device at every checkpoint).
        var floodGuard: LegacyFloodWindows?
        /// Absent in checkpoints from before device limits.
        var admissions: DeviceAdmissions?
    }

    /// The flood windows of every device by key, as `Progress` held them then.
    private struct LegacyFloodWindows: Codable {
        var windows: [String: FloodWindow]
    }

    /// A device's record as JSON, as 0.2 wrote it: its state with names, and its flood window.
    private struct LegacyDeviceRecord: Decodable {
        var state: LegacyDeviceState
        var flood: FloodWindow?
    }

    /// A checkpoint of the devices changed since the last one (state and ledger; `changed` are
    /// their places in `state.devices`), the fleet-wide ledger terms and the progress.
    static func checkpoint(of pipeline: FleetPipeline, changed: some Sequence<Int>, through sequence: Int64) throws -> Checkpoint {
        var checkpoint = Checkpoint(journalSequence: sequence)
        try records(of: pipeline, changed: changed) { table, record in
            switch table {
            case .device: checkpoint.devices.append(record)
            case .workOrder: checkpoint.workOrders.append(record)
            case .ledger: checkpoint.ledger.append(record)
            }
        }
        return checkpoint
    }

    /// Writes that checkpoint to `store`, each record made as the store takes it.
    static func write(checkpointOf pipeline: FleetPipeline, changed: some Sequence<Int>, through sequence: Int64,
                      to store: FleetStore, at wallTime: Double) throws {
        try store.write(through: sequence, at: wallTime) { add in try records(of: pipeline, changed: changed, add) }
    }

    /// The checkpoint's records one at a time: each changed device's state and ledger (in key
    /// order), the fleet-wide terms and the progress. (The orders' records are written with the
    /// outbox, `FleetStore.enqueue(_:orders:)`.)
    private static func records(of pipeline: FleetPipeline, changed: some Sequence<Int>, _ visit: (StoreTable, StoredRecord) throws -> Void) throws {
        let state = pipeline.state
        for place in changed.sorted(by: { DeviceIdentity.key(of: state.devices[place: $0], precedes: state.devices[place: $1]) }) {
            let device = state.devices[place: place]
            if let engine = pipeline.engine(for: device.kind) { try visit(.device, record(device.deviceKey) { engine.record(of: device, into: &$0) }) }
            if let ledger = state.ledger.device(kind: device.kind, id: device.device) { try visit(.ledger, record(ledger.deviceKey) { ledger.record(into: &$0) }) }
        }
        let encoder = JSONEncoder()
        let progress = Progress(watermark: state.watermark, timersRunTo: state.timersRunTo, counters: state.counters, floodGuard: nil,
                                admissions: state.admissions)
        try visit(.ledger, StoredRecord(key: fleetKey, body: try encoder.encode(FleetTerms(cpuSeconds: state.ledger.cpuSeconds))))
        try visit(.ledger, StoredRecord(key: progressKey, body: try encoder.encode(progress)))
    }

    private static func record(_ key: String, _ write: (inout BinaryWriter) -> Void) -> StoredRecord {
        var writer = BinaryWriter()
        writer.write(binaryMark)
        write(&writer)
        return StoredRecord(key: key, body: Data(writer.bytes))
    }

    /// The state in `store`'s last checkpoint, read one record at a time, with each device
    /// realigned to `library`'s profiles; with the journal position it covers, and the devices
    /// per kind that were not loaded because their kind has no profile.
    static func state(from store: FleetStore, library: ProfileLibrary) throws -> (state: PipelineState, journalSequence: Int64, withoutProfile: [String: Int]) {
        var reader = StateReader(library: library)
        let sequence = try store.read([.device, .ledger]) { try reader.read($0, $1) }
        return (try reader.finish(), sequence, reader.withoutProfile)
    }

    /// The state in a checkpoint held in memory (tests, and what `state(from:library:)` streams).
    static func state(from checkpoint: Checkpoint, library: ProfileLibrary) throws -> PipelineState {
        var reader = StateReader(library: library)
        for record in checkpoint.devices { try reader.read(.device, record) }
        for record in checkpoint.ledger { try reader.read(.ledger, record) }
        return try reader.finish()
    }

    /// Builds the state from records in any order.
    private struct StateReader {
        let engines: [String: MaintenanceEngine]
        var state = PipelineState()
        /// Flood windows of a checkpoint that kept them in its progress record, for `finish()`.
        var windows: [(String, FloodWindow)] = []
        /// The whole-ledger record of an older checkpoint; per-device records override it.
        var wholeLedger: ImpactLedger?
        var fleetTerms: FleetTerms?
        /// Devices skipped because their kind has no profile now, per kind: their records stay in
        /// the store, untouched, until the profile is back.
        var withoutProfile: [String: Int] = [:]
        let decoder = JSONDecoder()

        init(library: ProfileLibrary) {
            engines = Dictionary(uniqueKeysWithValues: library.profiles.map { ($0.kind, MaintenanceEngine(profile: $0)) })
        }

        mutating func read(_ table: StoreTable, _ record: StoredRecord) throws {
            switch (table, record.key) {
            case (.device, _): try readDevice(record)
            case (.ledger, wholeLedgerKey): wholeLedger = try ImpactLedger.decoded(from: record.body)
            case (.ledger, fleetKey): fleetTerms = try decoder.decode(FleetTerms.self, from: record.body)
            case (.ledger, progressKey):
                let progress = try decoder.decode(Progress.self, from: record.body)
                state.watermark = progress.watermark
                state.timersRunTo = progress.timersRunTo
                state.counters = progress.counters
                windows += progress.floodGuard?.windows.map { ($0, $1) } ?? []
                state.admissions = progress.admissions ?? DeviceAdmissions()
            case (.ledger, _):
                var ledger: DeviceLedger
                if record.body.first == binaryMark {
                    var reader = BinaryReader([UInt8](record.body), from: 1)
                    ledger = try DeviceLedger(record: &reader)
                } else {
                    ledger = try decoder.decode(DeviceLedger.self, from: record.body)
                }
                // The id and kind strings shared with the device's state rather than copies read
                // per table (live, they are one string each).
                if let place = state.devices.index(kind: ledger.kind, id: ledger.device) {
                    (ledger.device, ledger.kind) = (state.devices[place: place].device, state.devices[place: place].kind)
                }
                state.ledger.restore(ledger)
            case (.workOrder, _):
                break
            }
        }

        private mutating func readDevice(_ record: StoredRecord) throws {
            let kind = String(record.key.prefix { $0 != "/" })
            guard let engine = engines[kind] else {
                withoutProfile[kind, default: 0] += 1
                return
            }
            do {
                if record.body.first == binaryMark {
                    var reader = BinaryReader([UInt8](record.body), from: 1)
                    state.devices.store(try engine.state(fromRecord: &reader))
                } else if let legacy = try? decoder.decode(LegacyDeviceRecord.self, from: record.body) {
                    var device = try engine.state(adopting: legacy.state)
                    device.flood = legacy.flood ?? FloodWindow()
                    state.devices.store(device)
                } else {
                    state.devices.store(try engine.state(adopting: try decoder.decode(LegacyDeviceState.self, from: record.body)))
                }
            } catch {
                throw StoreError("the checkpoint's record of device \(record.key) does not read: \(error)")
            }
        }

        func finish() throws -> PipelineState {
            var state = state
            for ledger in wholeLedger?.devices.values.map(\.self) ?? [] where state.ledger.devices.index(kind: ledger.kind, id: ledger.device) == nil {
                state.ledger.restore(ledger)
            }
            state.ledger.restore(cpuSeconds: fleetTerms?.cpuSeconds ?? wholeLedger?.cpuSeconds ?? 0)
            for (key, window) in windows {
                if let place = state.devices.index(forKey: key) { state.devices[place: place].flood = window }
            }
            return state
        }
    }
}
