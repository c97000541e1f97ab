import FleetModel
import Foundation
import Impact
import Maintenance
import Pipeline
import Store

/// Turns the pipeline's state into the Store's records and back: one record per device, the
/// ledger, and the fleet-wide progress (watermark, timers, counters).
enum PipelineStateCoding {
    private static let ledgerKey = "ledger"
    private static let progressKey = "progress"

    /// The fleet-wide part of the state that is neither a device nor the ledger.
    private struct Progress: Codable {
        var watermark: Date?
        var timersRunTo: Date?
        var counters: PipelineCounters
        var floodGuard: FloodGuard
        /// Absent in checkpoints from before device limits.
        var admissions: DeviceAdmissions?
    }

    static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return encoder
    }

    /// A checkpoint of the devices changed since the last one, the ledger and the progress.
    static func checkpoint(of state: PipelineState, changed: Set<String>, orders: [StoredRecord], through sequence: Int64) throws -> Checkpoint {
        let encoder = encoder
        let progress = Progress(watermark: state.watermark, timersRunTo: state.timersRunTo, counters: state.counters, floodGuard: state.floodGuard,
                                admissions: state.admissions)
        return Checkpoint(
            journalSequence: sequence,
            devices: try changed.sorted().compactMap { key in
                try state.devices[key].map { StoredRecord(key: key, body: try encoder.encode($0)) }
            },
            workOrders: orders,
            ledger: [StoredRecord(key: ledgerKey, body: try state.ledger.encoded()),
                     StoredRecord(key: progressKey, body: try encoder.encode(progress))]
        )
    }

    static func state(from checkpoint: Checkpoint) throws -> PipelineState {
        let decoder = JSONDecoder()
        var state = PipelineState()
        for record in checkpoint.devices {
            state.devices[record.key] = try decoder.decode(DeviceState.self, from: record.body)
        }
        for record in checkpoint.ledger {
            switch record.key {
            case ledgerKey:
                state.ledger = try ImpactLedger.decoded(from: record.body)
            case progressKey:
                let progress = try decoder.decode(Progress.self, from: record.body)
                state.watermark = progress.watermark
                state.timersRunTo = progress.timersRunTo
                state.counters = progress.counters
                state.floodGuard = progress.floodGuard
                state.admissions = progress.admissions ?? DeviceAdmissions()
            default:
                continue
            }
        }
        return state
    }
}
