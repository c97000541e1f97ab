import FleetModel
import Foundation

/// The CBM rule engine of one device kind, in ISO 13374 stages: process (watermark, dedup),
/// detect (rule checks), assess health, prognose (trend fits), advise (deduplicated orders).
///
/// Pure: one engine per kind is shared read-only (a final class of constants, so handing it
/// round costs one retain instead of a copy of every field), each device's `DeviceState` is
/// owned by one shard and passed `inout`. Everything runs in event time (reading
/// timestamps and `advance(to:)`), never wall time, so a replay gives the same orders as live.
public final class MaintenanceEngine: Sendable {
    public let profile: DeviceProfile
    public let settings: EngineSettings
    let metrics: [CompiledMetric]
    let rules: [CompiledRule]
    let metricIndex: [String: Int]
    let ruleIndex: [String: Int]
    private let rulesByMetric: [[Int]]
    /// Rules that also change state when only time passes (missing data, repeat windows lapsing).
    private let timedRules: [Int]
    /// Which of a device's trend windows is each metric's: only the metrics that keep a trend
    /// have one. A device's trend room grows by a slice of every window at a time.
    let trendPlaces: [Int?]
    /// Each trend window's metric.
    private let trendMetrics: [Int]
    /// For each trend window, the first window of the same shape (`TrendWindow`), whose grid
    /// cells a fresh device's window shares (`DeviceSlots`): such windows fed by the same
    /// messages keep their slices' counts and times once.
    private let trendLeaders: [Int]
    /// For each trend window, the windows sharing its grid cells in a fresh device, as bits (none
    /// when it is alone, or when the kind has more than 64 windows: then none share).
    private let trendGroups: [UInt64]
    /// Whether some of the kind's trend windows share grid cells (else a message needs no look).
    private let groupsTrendWindows: Bool
    /// Where each metric's reporting gaps are in a device's `gaps`: only the metrics that a
    /// missing-data rule watches have them.
    let gapPlaces: [Int?]
    /// Where each rule's memory is in the device's part for its form (`pairs` for threshold and
    /// counter rules, `repeats`, `rates`): missing-data and trend rules remember nothing of their own.
    let memoryPlaces: [Int?]
    /// How many rules of each form remember something: a device's parts hold one memory for each.
    private let memoryCounts: (pairs: Int, repeats: Int, rates: Int)

    public init(profile: DeviceProfile, settings: EngineSettings = EngineSettings()) {
        self.profile = profile
        self.settings = settings
        let schema = profile.telemetry.metrics
        let metrics = schema.map { CompiledMetric(metric: $0, rules: profile.rules, settings: settings) }
        self.metrics = metrics
        let rules = profile.rules.compactMap { CompiledRule(spec: $0, metrics: schema, settings: settings) }
        self.rules = rules
        metricIndex = Dictionary(schema.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        ruleIndex = Dictionary(rules.enumerated().map { ($1.spec.id, $0) }, uniquingKeysWith: { first, _ in first })
        let trended = metrics.indices.filter { metrics[$0].trend != nil }
        trendPlaces = Self.places(of: trended, among: metrics.count)
        trendMetrics = trended
        let shapes = trended.map { metrics[$0].trend }
        let leaders = trended.count <= UInt64.bitWidth ? shapes.indices.map { w in shapes.firstIndex { $0 == shapes[w] } ?? w } : Array(shapes.indices)
        trendLeaders = leaders
        trendGroups = leaders.indices.map { w in
            let group = leaders.indices.filter { leaders[$0] == leaders[w] }
            return group.count > 1 ? group.reduce(UInt64(0)) { $0 | 1 << UInt64($1) } : 0
        }
        groupsTrendWindows = trendGroups.contains { $0 != 0 }
        let watched = rules.compactMap { rule -> Int? in if case .missing = rule.check { rule.metricIndex } else { nil } }
        gapPlaces = Self.places(of: Set(watched).sorted(), among: schema.count)
        var placed = (pairs: 0, repeats: 0, rates: 0)
        memoryPlaces = rules.map { rule in
            func next(_ count: inout Int) -> Int { defer { count += 1 }; return count }
            switch rule.check {
            case .threshold, .counter: return next(&placed.pairs)
            case .repeated: return next(&placed.repeats)
            case .rate: return next(&placed.rates)
            case .missing, .trend: return nil
            }
        }
        memoryCounts = placed
        rulesByMetric = schema.indices.map { index in rules.indices.filter { rules[$0].metricIndex == index } }
        timedRules = rules.indices.filter { index in
            switch rules[index].check {
            case .missing, .repeated: true
            default: false
            }
        }
    }

    // MARK: Device lifecycle

    /// For each of `count` metrics or rules, its place among the `chosen` ones (nil if not chosen).
    private static func places(of chosen: [Int], among count: Int) -> [Int?] {
        (0 ..< count).map { chosen.firstIndex(of: $0) }
    }

    /// The state of a device seen for the first time (commissioned on first sight).
    public func commission(device: String, at time: Date) -> DeviceState {
        DeviceState(device: device, kind: profile.kind, commissioned: time,
                    slots: DeviceSlots(metrics: metrics.count, gaps: gapPlaces.count { $0 != nil }, levels: rules.count, pairs: memoryCounts.pairs,
                                       repeats: memoryCounts.repeats, rates: memoryCounts.rates, trendWindows: trendMetrics.count,
                                       trendLeaders: trendLeaders))
    }

    /// The ids of the metrics a device's `metrics` are aligned with.
    public var metricIDs: [String] { metrics.map(\.metric.id) }

    /// The ids of the rules a device's `rules` are aligned with.
    public var ruleIDs: [String] { rules.map(\.spec.id) }

    // MARK: Readings

    /// Runs one message's readings through every stage, in order, and hands each one's output to
    /// `each`.
    public func process(message readings: [Reading], state: inout DeviceState, _ each: (MaintenanceOutput) -> Void) {
        prepare(readings, state: &state)
        // By index: the reading is borrowed from the array, not copied out with its strings.
        for index in readings.indices { each(run(readings[index], state: &state)) }
    }

    /// Runs one reading, as a message of its own, through every stage.
    public func process(_ reading: Reading, state: inout DeviceState) -> MaintenanceOutput {
        prepare(CollectionOfOne(reading), state: &state)
        return run(reading, state: &state)
    }

    /// Before a message: when it would feed some of a device's trend windows that share grid
    /// cells and not the others (or feed one twice, or at two times), they are given their own
    /// first (`DeviceSlots.splitTrend()`), so that a window's slices never count a sample it did
    /// not take. Messages that carry all of a group's metrics, as most do, keep it together.
    private func prepare(_ readings: some Collection<Reading>, state: inout DeviceState) {
        guard groupsTrendWindows, state.slots.sharesTrend else { return }
        var (fed, time, even): (UInt64, Date?, Bool) = (0, nil, true)
        for reading in readings {
            guard let m = index(of: reading), let w = trendPlaces[m], trendGroups[w] != 0, reading.value.number != nil,
                  state.metrics[m].lastSeen.map({ reading.time > $0 }) ?? true else { continue }
            let bit = UInt64(1) << UInt64(w)
            if fed & bit != 0 || time.map({ $0 != reading.time }) ?? false { even = false }
            (fed, time) = (fed | bit, reading.time)
        }
        if even { even = trendGroups.allSatisfy { group in fed & group == 0 || fed & group == group } }
        if !even { state.slots.splitTrend() }
    }

    /// Runs one reading through every stage. Readings not newer than the metric's last reading
    /// are counted and ignored, so redeliveries never change the result. Order is kept per
    /// metric, not per device: a device's metrics may come from different units on different
    /// topics (a container's fill sensor and its access unit), and one's late reading is not
    /// stale for the other.
    private func run(_ reading: Reading, state: inout DeviceState) -> MaintenanceOutput {
        guard let m = index(of: reading) else { return count(.unknownMetric, in: &state) }
        let previous = state.metrics[m].lastSeen
        if let last = previous, reading.time <= last { return count(reading.time < last ? .stale : .duplicate, in: &state) }
        // Timers due before this reading fire first, exactly as if the watermark had got there. At
        // the device's latest time they have run already (for the first reading of that time), and
        // what the readings since did arms none before it: a message's other readings skip them.
        var output = reading.time == state.watermark ? MaintenanceOutput() : advance(to: reading.time, state: &state)
        state.counts.count(.accepted)
        if state.watermark.map({ reading.time > $0 }) ?? true { state.watermark = reading.time }
        state.metrics[m].lastSeen = reading.time
        if let place = gapPlaces[m] { state.gaps[place].seen(at: reading.time, after: previous) }
        let number = reading.value.number
        if let number {
            state.metrics[m].lastValue = number
            if let window = trendPlaces[m] {
                // A window sharing grid cells with one fed at this time already adds its value only.
                let advancing = trendGroups[window] == 0 || !trendMetrics.indices.contains {
                    state.slots.trendWindow(window, sharesWith: $0) && state.metrics[trendMetrics[$0]].lastSeen == reading.time
                }
                metrics[m].trend?.add(number, at: reading.time.timeIntervalSince1970, window: window, to: &state.slots, growth: 1, advancing: advancing)
            }
        }
        for r in rulesByMetric[m] {
            let assessment = assess(r, value: reading.value, number: number, at: reading.time, state: &state)
            advise(r, assessment, at: reading.time, state: &state, output: &output)
        }
        return output
    }

    /// The metric's position: the one the decoder found when it is this profile's, else by name.
    private func index(of reading: Reading) -> Int? {
        if let index = reading.schemaIndex, index < metrics.count, metrics[index].metric.id == reading.metric { return index }
        return metricIndex[reading.metric]
    }

    private func count(_ disposition: ReadingDisposition, in state: inout DeviceState) -> MaintenanceOutput {
        state.counts.count(disposition)
        return MaintenanceOutput(disposition: disposition)
    }

    /// State detection for one rule on one reading.
    private func assess(_ r: Int, value: ReadingValue, number: Double?, at time: Date, state: inout DeviceState) -> Assessment {
        let level = state.levels[r]
        switch rules[r].check {
        case .threshold(let check):
            guard let number, let place = memoryPlaces[r] else { return .hold }
            return check.assess(number, at: time, level: level, memory: &state.pairs[place])
        case .rate(let check):
            guard let number, let place = memoryPlaces[r] else { return .hold }
            return check.assess(number, at: time, level: level, place: place, in: &state.slots)
        case .repeated(let check):
            guard let place = memoryPlaces[r] else { return .hold }
            return check.assess(value, at: time, level: level, memory: &state.repeats[place])
        case .counter(let check):
            guard let number, let place = memoryPlaces[r] else { return .hold }
            return check.assess(number, level: level, memory: &state.pairs[place])
        case .missing:
            return level != nil ? .clear : .hold
        case .trend(let check):
            return check.assess(prognosis(of: rules[r].metricIndex, in: state), level: level)
        }
    }

    // MARK: Timers

    /// Moves the device's event time on to `time` (the fleet's watermark) without a reading:
    /// fires missing-data timers at their deadlines and lapses repeat windows.
    public func advance(to time: Date, state: inout DeviceState) -> MaintenanceOutput {
        var output = MaintenanceOutput()
        for r in timedRules {
            switch rules[r].check {
            case .missing(let check):
                let (metric, gaps) = (state.metrics[rules[r].metricIndex], gaps(of: rules[r].metricIndex, in: state))
                let deadline = check.deadline(metric, gaps, commissioned: state.commissioned)
                if state.levels[r] == nil, time >= deadline {
                    advise(r, .silent(check.reason(metric, gaps)), at: deadline, state: &state, output: &output)
                }
            case .repeated(let check):
                let assessment = check.expire(at: time, level: state.levels[r], last: lastOccurrence(of: r, in: state))
                advise(r, assessment, at: time, state: &state, output: &output)
            default:
                break
            }
        }
        return output
    }

    /// The earliest event time at which `advance(to:)` could change this device: a missing-data
    /// deadline, or a repeat window lapsing. Nil when no timer is armed. Lets a fleet advance only
    /// the devices that are due instead of every device at every step.
    public func nextDeadline(of state: DeviceState) -> Date? {
        var earliest: Date?
        for r in timedRules {
            let candidate: Date?
            switch rules[r].check {
            case .missing(let check):
                let m = rules[r].metricIndex
                candidate = state.levels[r] == nil ? check.deadline(state.metrics[m], gaps(of: m, in: state), commissioned: state.commissioned) : nil
            case .repeated(let check):
                if state.levels[r] != nil, let last = lastOccurrence(of: r, in: state) {
                    candidate = last.addingTimeInterval(check.window)
                } else {
                    candidate = nil
                }
            default:
                candidate = nil
            }
            if let candidate, earliest.map({ candidate < $0 }) ?? true { earliest = candidate }
        }
        return earliest
    }

    // MARK: Health and prognosis

    /// Health per component (ISO 13374 health assessment), lowest rule first within each.
    public func health(of state: DeviceState) -> [ComponentHealth] {
        var worst: [String: ComponentHealth] = [:]
        for (r, rule) in rules.enumerated() {
            let score = health(of: r, state: state)
            if score < worst[rule.component]?.health ?? .infinity {
                worst[rule.component] = ComponentHealth(component: rule.component, health: score, worstRule: rule.spec.id)
            }
        }
        return worst.values.sorted { $0.component < $1.component }
    }

    private func health(of r: Int, state: DeviceState) -> Double {
        let rule = rules[r]
        let metric = state.metrics[rule.metricIndex]
        switch rule.check {
        case .threshold(let check): return metric.lastValue.map(check.health) ?? 1
        case .counter(let check): return check.health(memory: memory(of: r, in: state))
        case .trend(let check): return check.health(prognosis(of: rule.metricIndex, in: state))
        case .rate, .repeated, .missing: return state.levels[r] == nil ? 1 : 0
        }
    }

    /// Rule `r`'s memory on the device (`.none` for a rule that remembers nothing), in the form a
    /// record, a restore and a service read it.
    func memory(of r: Int, in state: DeviceState) -> RuleMemory {
        guard let place = memoryPlaces[r] else { return .none }
        switch rules[r].check {
        case .threshold: return .threshold(alertSince: state.pairs[place].first, alarmSince: state.pairs[place].second)
        case .counter: return .counter(base: state.pairs[place].first, last: state.pairs[place].second)
        case .repeated: return .repeated(times: state.repeats[place].times, last: state.repeats[place].last)
        case .rate: return .rate(Array(state.slots.extrema(ofRule: place)))
        case .missing, .trend: return .none
        }
    }

    /// Sets rule `r`'s memory on the device to `memory`, which has the rule's form.
    func setMemory(_ memory: RuleMemory, of r: Int, in state: inout DeviceState) {
        guard let place = memoryPlaces[r] else { return }
        switch memory {
        case .threshold(let first, let second), .counter(let first, let second): state.pairs[place] = PairedMemory(first: first, second: second)
        case .repeated(let times, let last): state.repeats[place] = RepeatMemory(times: times, last: last)
        // A window holds at most 255 slices (`ExtremaWindow`): a record with more keeps its newest.
        case .rate(let history): state.slots.replaceExtrema(state.slots.extrema(ofRule: place).indices, ofRule: place, with: history.suffix(Int(UInt8.max)))
        case .none: break
        }
    }

    /// The latest occurrence a repeat rule `r` has seen on the device.
    private func lastOccurrence(of r: Int, in state: DeviceState) -> Date? {
        memoryPlaces[r].flatMap { state.repeats[$0].last.time }
    }

    /// How often metric `m` reports on the device (none learned for a metric no rule watches).
    func gaps(of m: Int, in state: DeviceState) -> ReportingGaps {
        gapPlaces[m].map { state.gaps[$0] } ?? ReportingGaps()
    }

    /// Fitted trends and remaining useful life of every metric that has a limit to aim at.
    public func prognoses(of state: DeviceState) -> [Prognosis] {
        metrics.indices.compactMap { prognosis(of: $0, in: state) }
    }

    func prognosis(of m: Int, in state: DeviceState) -> Prognosis? {
        guard let window = trendPlaces[m] else { return nil }
        return metrics[m].prognosis(state.metrics[m], slices: state.slots.trendSlices(ofWindow: window))
    }

    /// Replaces metric `m`'s trend slices on the device (a restore, or a service that resets them).
    func setTrendSlices(_ slices: some Collection<TrendSlice>, of m: Int, in state: inout DeviceState) {
        if let window = trendPlaces[m] { state.slots.replaceTrend(ofWindow: window, with: slices) }
    }
}
