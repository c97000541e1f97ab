import FleetModel
import Foundation
import Impact
import Maintenance
import Pipeline
import Store

/// Turns the pipeline's state into the Store's records and back: per changed device its CBM
/// state, its flood window and its ledger (so a checkpoint's cost follows what changed, not the
/// fleet's size), the fleet-wide ledger terms, and the fleet-wide progress (watermark, timers,
/// counters).
enum PipelineStateCoding {
    /// The whole ledger as one record: what checkpoints before per-device ledgers wrote. Read
    /// first, so newer per-device records override it.
    private static let wholeLedgerKey = "ledger"
    private static let fleetKey = "fleet"
    private static let progressKey = "progress"

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
        var floodGuard: FloodGuard?
        /// Absent in checkpoints from before device limits.
        var admissions: DeviceAdmissions?
    }

    /// A device's record: its CBM state and its flood window. Records from before the window
    /// moved here are the bare state.
    private struct DeviceRecord: Codable {
        var state: DeviceState
        var flood: FloodWindow?
    }

    static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return encoder
    }

    /// A checkpoint of the devices changed since the last one (state and ledger), the fleet-wide
    /// ledger terms and the progress.
    static func checkpoint(of state: PipelineState, changed: Set<String>, orders: [StoredRecord], through sequence: Int64) throws -> Checkpoint {
        let encoder = encoder
        let progress = Progress(watermark: state.watermark, timersRunTo: state.timersRunTo, counters: state.counters, floodGuard: nil,
                                admissions: state.admissions)
        let keys = changed.sorted()
        return Checkpoint(
            journalSequence: sequence,
            devices: try keys.compactMap { key in
                try state.devices[key].map { StoredRecord(key: key, body: try encoder.encode(DeviceRecord(state: $0, flood: state.floodGuard.window(of: key)))) }
            },
            workOrders: orders,
            ledger: try keys.compactMap { key in
                try state.ledger.devices[key].map { StoredRecord(key: key, body: try encoder.encode($0)) }
            } + [StoredRecord(key: fleetKey, body: try encoder.encode(FleetTerms(cpuSeconds: state.ledger.cpuSeconds))),
                 StoredRecord(key: progressKey, body: try encoder.encode(progress))]
        )
    }

    static func state(from checkpoint: Checkpoint) throws -> PipelineState {
        let decoder = JSONDecoder()
        var state = PipelineState()
        var windows: [(String, FloodWindow)] = []
        for record in checkpoint.devices {
            if let stored = try? decoder.decode(DeviceRecord.self, from: record.body) {
                state.devices[record.key] = stored.state
                if let flood = stored.flood { windows.append((record.key, flood)) }
            } else {
                state.devices[record.key] = try decoder.decode(DeviceState.self, from: record.body)
            }
        }
        if let whole = checkpoint.ledger.first(where: { $0.key == wholeLedgerKey }) {
            state.ledger = try ImpactLedger.decoded(from: whole.body)
        }
        for record in checkpoint.ledger {
            switch record.key {
            case wholeLedgerKey:
                continue
            case fleetKey:
                state.ledger.restore(cpuSeconds: try decoder.decode(FleetTerms.self, from: record.body).cpuSeconds)
            case progressKey:
                let progress = try decoder.decode(Progress.self, from: record.body)
                state.watermark = progress.watermark
                state.timersRunTo = progress.timersRunTo
                state.counters = progress.counters
                state.floodGuard = progress.floodGuard ?? FloodGuard()
                state.admissions = progress.admissions ?? DeviceAdmissions()
            default:
                state.ledger.restore(try decoder.decode(DeviceLedger.self, from: record.body))
            }
        }
        for (key, window) in windows { state.floodGuard.restore(window, of: key) }
        return state
    }
}
