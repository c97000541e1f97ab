import CoreMetrics
import FleetModel
import Foundation
import Impact
import MQTT
import Pipeline

/// Carries what the pipeline thread knows into the daemon's metrics. Per message only what must
/// be per message: its kind's count and (once its batch is published) its arrival-to-processed
/// latency, on handles made at start. The pipeline's own counters go over between batches, as the increase since the last
/// report, so the ingest path pays nothing for them.
struct PipelineMetricsFeed: Sendable {
    private let metrics: DaemonMetrics
    private let messagesByKind: [String: Counter]
    private let workOrdersByKind: [String: Counter]
    private let devicesByKind: [String: Meter]
    private var deadLettersByReason: [String: Counter] = [:]
    private var reported: PipelineCounters
    private var reportedIntakeFullWaits = 0
    private var reportedSocketReads = SocketReads(served: 0, fromKernel: 0)
    private var latestLatency = 0.0

    /// `counters` are those of the restored state: counters count from this process's start.
    init(metrics: DaemonMetrics, kinds: [String], from counters: PipelineCounters) {
        self.metrics = metrics
        messagesByKind = Dictionary(uniqueKeysWithValues: kinds.map { ($0, metrics.kindMessages($0)) })
        workOrdersByKind = Dictionary(uniqueKeysWithValues: kinds.map { ($0, metrics.kindWorkOrders($0)) })
        devicesByKind = Dictionary(uniqueKeysWithValues: kinds.map { ($0, metrics.kindDevices($0)) })
        reported = counters
    }

    /// A live message has been processed: its kind is counted.
    func processed(_ message: ParsedMessage) {
        if let kind = message.kind { messagesByKind[kind]?.increment() }
    }

    /// What a batch of live messages (arrived at `arrivals`) produced has been published: each
    /// one's latency from arrival to now, with one reading of the clock for the batch.
    mutating func published(arrivals: some Sequence<Double>) {
        let now = Date().timeIntervalSince1970
        for arrival in arrivals {
            latestLatency = max(0, now - arrival)
            metrics.arrivalToProcessed.recordSeconds(latestLatency)
        }
    }

    func issued(_ orders: [WorkOrder]) {
        for order in orders { workOrdersByKind[order.kind]?.increment() }
    }

    /// Between batches: the pipeline's counters as increases, its gauges as they stand.
    mutating func report(_ state: PipelineState, backlog: Int64, intakeFullWaits: Int, socketReads: SocketReads) {
        let counters = state.counters
        metrics.messages.increment(by: counters.messages - reported.messages)
        metrics.readings.increment(by: counters.readings - reported.readings)
        metrics.rulesFired.increment(by: counters.workOrdersIssued - reported.workOrdersIssued)
        metrics.workOrdersClosed.increment(by: counters.workOrdersClosed - reported.workOrdersClosed)
        metrics.serviceReports.increment(by: counters.serviceReports - reported.serviceReports)
        for (reason, count) in counters.deadLetters {
            let increase = count - reported.deadLetters[reason, default: 0]
            guard increase > 0 else { continue }
            deadLetterCounter(reason).increment(by: increase)
        }
        reported = counters
        metrics.intakeFullWaits.increment(by: intakeFullWaits - reportedIntakeFullWaits)
        reportedIntakeFullWaits = intakeFullWaits
        metrics.socketReadsServed.increment(by: socketReads.served - reportedSocketReads.served)
        metrics.socketReadsFromKernel.increment(by: socketReads.fromKernel - reportedSocketReads.fromKernel)
        reportedSocketReads = socketReads
        metrics.devices.set(state.devices.count)
        for (kind, devices) in state.admissions.perKind { devicesByKind[kind]?.set(devices) }
        metrics.openWorkOrders.set(counters.workOrdersIssued - counters.workOrdersClosed)
        metrics.queueDepth.set(max(0, backlog))
        metrics.lag.set(latestLatency)
    }

    /// Made on a reason's first dead letter: reasons are open-ended (decode reasons, dispositions).
    private mutating func deadLetterCounter(_ reason: String) -> Counter {
        if let counter = deadLettersByReason[reason] { return counter }
        let counter = metrics.deadLetters(reason: reason)
        deadLettersByReason[reason] = counter
        return counter
    }
}
