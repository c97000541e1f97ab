import FleetModel
import Foundation
import Impact
import Maintenance

/// Everything the pipeline knows, as plain values: what a checkpoint saves and a restart restores.
public struct PipelineState: Sendable, Hashable {
    /// Per-device CBM state, keyed by `DeviceIdentity.key` (`kind/device`).
    public var devices = DeviceTable<DeviceState>()
    public var ledger = ImpactLedger()
    /// The fleet's event time: the latest reading time accepted.
    public var watermark: Date?
    /// The event time up to which every device's timers have run.
    public var timersRunTo: Date?
    public var counters = PipelineCounters()
    /// New devices per minute of event time, and devices per kind.
    public var admissions = DeviceAdmissions()

    public init() {}

    public var openWorkOrders: [WorkOrder] {
        devices.sorted { $0.key < $1.key }.flatMap(\.value.openWorkOrders)
    }
}
