import FleetModel
import Foundation
import Impact
import Maintenance

extension DeviceDetail {
    /// A device's detail from its engine state and ledger entry.
    init(state: DeviceState, engine: MaintenanceEngine, ledger: DeviceLedger?, eventTime: Date?) {
        let units = Dictionary(engine.profile.telemetry.metrics.map { ($0.id, $0.unit?.symbol) }, uniquingKeysWith: { first, _ in first })
        let counts = state.counts
        self.init(
            kind: state.kind, device: state.device, eventTime: eventTime, commissioned: state.commissioned,
            lastSeen: ledger?.lastSeen, lastService: state.lastService,
            readings: zip(engine.metricIDs, state.metrics).compactMap { id, metric in
                guard let value = metric.lastValue, let time = metric.lastSeen else { return nil }
                return DeviceReading(metric: id, value: value, unit: units[id] ?? nil, time: time)
            },
            rules: Dictionary(zip(engine.ruleIDs, state.levels).map { ($0, $1?.rawValue ?? "armed") }, uniquingKeysWith: { first, _ in first }),
            health: engine.health(of: state),
            openWorkOrders: state.openWorkOrders, closedWorkOrders: state.closedWorkOrderIDs,
            counts: ["accepted": counts.accepted, "stale": counts.stale, "duplicate": counts.duplicate, "unknownMetric": counts.unknownMetric,
                     "suppressed": counts.suppressed, "ordersIssued": counts.ordersIssued],
            serviceYears: ledger?.serviceYears ?? 0, kits: ledger?.kits ?? [:], visits: ledger?.visits.values.reduce(0, +) ?? 0,
            remoteFixes: ledger?.remoteFixes ?? 0, customerFixes: ledger?.customerFixes ?? 0, replacements: ledger?.replacements ?? 0)
    }
}
