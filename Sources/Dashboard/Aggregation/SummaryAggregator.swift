import FleetModel
import Foundation
import Impact

/// Sums the latest summary of each daemon instance and keeps the bounded history the dashboard
/// draws: the message rate for the sparkline and the cumulative net CO2-eq of the fleet and of
/// each kind for the charts.
public struct SummaryAggregator: Sendable {
    public private(set) var latest: [String: DaemonSummary] = [:]
    public private(set) var aggregate = FleetAggregate()
    public let rateLimit: Int
    public let chartLimit: Int

    public init(rateLimit: Int = 120, chartLimit: Int = 240) {
        self.rateLimit = rateLimit
        self.chartLimit = chartLimit
    }

    /// Takes an instance's newest summary (an older one than held is ignored) and recomputes the sum.
    public mutating func receive(_ summary: DaemonSummary) {
        if let held = latest[summary.instance], held.publishedAt > summary.publishedAt { return }
        latest[summary.instance] = summary
        let history = aggregate.rateHistory
        let charts = aggregate.charts
        aggregate = Self.sum(latest.keys.sorted().compactMap { latest[$0] })
        aggregate.rateHistory = Array((history + [aggregate.messagesPerSecond]).suffix(rateLimit))
        for scope in [aggregate.fleet].compactMap({ $0 }) + aggregate.kinds {
            aggregate.charts[scope.name] = extend(charts[scope.name] ?? [], with: scope.realised.climate?.delta)
        }
    }

    /// Adds a scope's realised CO2-eq at the event time; halves the resolution when full, so the
    /// chart always spans the whole run in bounded memory.
    private func extend(_ chart: [ChartPoint], with kilograms: Double?) -> [ChartPoint] {
        guard let time = aggregate.eventTime, let kilograms else { return chart }
        var points = chart
        if let last = points.last, last.time >= time {
            if last.time == time { points[points.count - 1].kilograms = kilograms }
            return points
        }
        points.append(ChartPoint(time: time, kilograms: kilograms))
        if points.count > chartLimit {
            points = points.enumerated().filter { $0.offset % 2 == 1 || $0.offset == points.count - 1 }.map(\.element)
        }
        return points
    }

    private static func sum(_ summaries: [DaemonSummary]) -> FleetAggregate {
        var sum = FleetAggregate()
        var kinds: [String: ScopeFigures] = [:]
        sum.method = summaries.first?.impact.method
        sum.priceSet = summaries.first?.impact.priceSet
        for summary in summaries {
            // Numbers of different methods or price sets cannot be added: say so instead.
            guard summary.impact.method == sum.method, summary.impact.priceSet == sum.priceSet else {
                sum.otherMethodInstances.append(summary.instance)
                continue
            }
            sum.instances.append(summary.instance)
            sum.publishedAt = max(sum.publishedAt ?? summary.publishedAt, summary.publishedAt)
            if let time = summary.eventTime { sum.eventTime = max(sum.eventTime ?? time, time) }
            sum.messagesPerSecond += summary.messagesPerSecond
            sum.counters = sum.counters + summary.counters
            sum.cpuSeconds += summary.cpuSeconds
            sum.openOrders += summary.openWorkOrders
            sum.openOrderCount += summary.openWorkOrderCount
            sum.unpricedDevices += summary.impact.unpricedDevices
            let online = summary.activity.map { Dictionary(uniqueKeysWithValues: $0.map { ($0.kind, $0.online) }) }
            let fleet = ScopeFigures(summary.impact.fleet, online: online.map { $0.values.reduce(0, +) })
            sum.fleet = sum.fleet.map { $0 + fleet } ?? fleet
            for group in summary.impact.kinds {
                let figures = ScopeFigures(group, online: online.map { $0[group.name, default: 0] })
                kinds[group.name] = kinds[group.name].map { $0 + figures } ?? figures
            }
        }
        sum.partitions = PartitionCoverage(partitions: summaries.map { ($0.instance, $0.partition) })
        sum.openOrders.sort(by: FleetAggregate.isMoreUrgent)
        sum.kinds = kinds.keys.sorted().compactMap { kinds[$0] }
        return sum
    }
}
