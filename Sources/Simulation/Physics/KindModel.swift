import FleetModel
import Foundation
import Telemetry

/// One device kind compiled for the simulator from its profile: the payload codec and topic, the
/// sample period, usage, wear and hazards by metric index, and the two policies' fixed numbers.
/// Everything comes from the profile's data, so a new kind simulates without Swift changes.
final class KindModel: Sendable {
    let profile: DeviceProfile
    let codec: PayloadCodec
    let topic: TopicTemplate
    let period: Int64
    let usages: [UsageModel]
    let gauges: [GaugeModel]
    let hazards: [HazardModel]
    /// Per metric, what a healthy unit reports when nothing else applies (enum: the first label).
    let quiet: [ReadingValue?]
    /// Per metric, the resolution values are rounded to (the payload's scale).
    let quantum: [Double]
    let seasonAmplitude: Double
    /// Peak of the yearly cycle, in seconds into the year.
    let seasonPeak: Double
    /// Metric index of each rule, by rule id, and which rules only watch for missing data.
    let ruleMetric: [String: Int]
    let missingRules: Set<String>
    let smart: Policy
    /// Kits of the baseline's planned visits, in order: each kit spread evenly over the life.
    let plannedKits: [String]

    init(profile: DeviceProfile, period requested: TimeInterval?) {
        self.profile = profile
        codec = PayloadCodec(profile: profile)
        topic = TopicTemplate(kind: profile.kind, template: profile.telemetry.topics.first ?? "devices/\(profile.kind)/{device}")
        let metrics = codec.metrics
        let index = Dictionary(metrics.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let sampled = metrics.compactMap { $0.samplePeriod?.baseValue }.min() ?? 3600
        period = Int64(max(sampled, requested ?? 0).rounded())
        let model = profile.degradation
        let seasonal = Set(model.seasonality?.metrics ?? [])
        func amount(_ quantity: Quantity, of metric: Int) -> Double {
            metrics[metric].unit.flatMap { quantity.value(in: $0) } ?? quantity.value
        }
        let usages: [UsageModel] = model.usage.compactMap { rate in
            guard let m = index[rate.id] else { return nil }
            return UsageModel(metric: m, perSecond: amount(rate.amount, of: m) / max(rate.period.baseValue, 1),
                              spread: rate.spread.baseValue, seasonal: seasonal.contains(rate.id))
        }
        self.usages = usages
        let usageIndex = Dictionary(usages.enumerated().map { (metrics[$1.metric].id, $0) }, uniquingKeysWith: { first, _ in first })
        let worn = Dictionary(model.wear.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        gauges = metrics.indices.compactMap { m in
            let metric = metrics[m]
            guard metric.type == .gauge else { return nil }
            let unit = metric.unit
            let low = metric.range.flatMap { r in unit.flatMap { r.low.value(in: $0) } } ?? -Double.greatestFiniteMagnitude
            let high = metric.range.flatMap { r in unit.flatMap { r.high.value(in: $0) } } ?? Double.greatestFiniteMagnitude
            let wear = worn[metric.id]
            let usage = wear?.usage.flatMap { usageIndex[$0] }
            let per = wear.map { w in usage != nil ? amount(w.per, of: usages[usage!].metric) : w.per.baseValue } ?? 1
            return GaugeModel(
                metric: m,
                start: wear?.start.map { amount($0, of: m) } ?? Self.healthyValue(of: metric, rules: profile.rules, low: low, high: high),
                low: low, high: high,
                noise: metric.range == nil ? 0 : (high - low) * Physics.noiseShare,
                wearPer: wear.map { amount($0.change, of: m) / max(per, .leastNonzeroMagnitude) } ?? 0,
                usage: usage, spread: wear?.spread.baseValue ?? 0,
                restoredBy: Set(wear?.restoredBy ?? []).subtracting([WearRate.collection]),
                byCollection: wear?.restoredBy.contains(WearRate.collection) ?? false,
                endOfLife: wear?.endOfLife.map { amount($0, of: m) })
        }
        let usageAverage = { (u: Int?) in u.map { usages[$0].perSecond } ?? 0 }
        func seconds(_ interval: Quantity, usage name: String?) -> (Double, Int?) {
            guard let name, let u = usageIndex[name] else { return (interval.baseValue, nil) }
            return (amount(interval, of: usages[u].metric) / max(usageAverage(u), .leastNonzeroMagnitude), u)
        }
        hazards = model.faults.compactMap { fault in
            guard let m = index[fault.metric] else { return nil }
            let (mean, usage) = seconds(fault.meanInterval, usage: fault.usage)
            return HazardModel(id: fault.id, meanSeconds: mean, usage: usage, metric: m, label: fault.value, isFault: true,
                               resolution: fault.resolution, kit: fault.kit, damageShare: 1)
        } + model.abuse.compactMap { event in
            guard let m = index[event.metric] else { return nil }
            let (mean, usage) = seconds(event.meanInterval, usage: event.usage)
            return HazardModel(id: event.id, meanSeconds: mean, usage: usage, metric: m, label: nil, isFault: false,
                               resolution: .technician, kit: event.kit, damageShare: event.damageShare.baseValue)
        }
        quiet = metrics.map { $0.type == .enum ? $0.values.first.map(ReadingValue.label) : nil }
        quantum = metrics.map { metric in
            if metric.scale < 1 { return metric.scale }
            return metric.unit?.dimension == .count ? 1 : 0.01
        }
        seasonAmplitude = model.seasonality?.amplitude.baseValue ?? 0
        seasonPeak = (Double((model.seasonality?.peak.number ?? 1) - 1) + 0.5) / 12 * Physics.year
        ruleMetric = Dictionary(profile.rules.compactMap { rule in index[rule.metric].map { (rule.id, $0) } }, uniquingKeysWith: { first, _ in first })
        missingRules = Set(profile.rules.filter { $0.condition.kind == .missing }.map(\.id))
        smart = profile.scenarios.first ?? profile.baseline
        let abuseKits = Set(model.abuse.compactMap(\.kit))
        plannedKits = Self.sequence(profile.baseline.kits.filter { !abuseKits.contains($0.kit) })
    }

    /// The usage multiplier of the yearly cycle at `time` (seconds since 1970).
    func season(at time: Double) -> Double {
        guard seasonAmplitude > 0 else { return 1 }
        return 1 + seasonAmplitude * cos(2 * Double.pi * (time.truncatingRemainder(dividingBy: Physics.year) - seasonPeak) / Physics.year)
    }

    /// A value on the healthy side of the metric's first threshold or trend rule, else mid-range.
    static func healthyValue(of metric: Metric, rules: [RuleSpec], low: Double, high: Double) -> Double {
        let unit = metric.unit
        let bounded = (low > -Double.greatestFiniteMagnitude, high < Double.greatestFiniteMagnitude)
        let middle = bounded == (true, true) ? (low + high) / 2 : bounded.0 ? low : bounded.1 ? high : 0
        for rule in rules where rule.metric == metric.id {
            let limit: (Direction, Quantity?)
            switch rule.condition {
            case .threshold(let t): limit = (t.direction, t.clear ?? t.alert ?? t.alarm)
            case .trend(let t): limit = (t.direction, t.limit)
            default: continue
            }
            guard let quantity = limit.1, let value = unit.flatMap({ quantity.value(in: $0) }) ?? Optional(quantity.value) else { continue }
            let edge = limit.0 == .above ? (bounded.0 ? low : value - abs(value)) : (bounded.1 ? high : value + abs(value))
            return (value + edge) / 2
        }
        return middle
    }

    /// Kits spread evenly: at each visit the kit furthest behind its share goes next (8 small,
    /// 4 medium, 3 extended give small, medium, small, extended, ...).
    static func sequence(_ counts: [KitCount]) -> [String] {
        let total = counts.reduce(0) { $0 + $1.count }
        var used = [Int](repeating: 0, count: counts.count)
        return (0..<total).map { visit in
            let behind = counts.indices.max { a, b in
                Double(counts[a].count) * Double(visit + 1) / Double(total) - Double(used[a])
                    < Double(counts[b].count) * Double(visit + 1) / Double(total) - Double(used[b])
            }!
            used[behind] += 1
            return counts[behind].kit
        }
    }
}
