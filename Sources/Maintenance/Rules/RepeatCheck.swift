import FleetModel
import Foundation

/// Fires when an event (or an enum label) occurs `count` times within `window`: "3 times in 24 h".
/// Only the last `count` occurrences are kept; firing starts a fresh count, and the rule clears
/// once a whole window passes without an occurrence.
struct RepeatCheck: Sendable {
    let metric: String
    let count: Int
    let window: TimeInterval
    /// The enum label to count; nil counts every event reading with a value above zero.
    let label: String?

    func occurs(_ value: ReadingValue) -> Bool {
        if let label { return value.label == label }
        return (value.number ?? 0) > 0
    }

    func assess(_ value: ReadingValue, at time: Date, level: WorkOrderPriority?, memory: inout RuleMemory) -> Assessment {
        guard case .repeated(var times, _) = memory else { return .hold }
        guard occurs(value) else { return expire(at: time, level: level, memory: memory) }
        memory = .none
        times.append(time)
        if times.count > count { times.removeFirst(times.count - count) }
        let fires = times.count == count && time.timeIntervalSince(times[0]) <= window
        memory = .repeated(times: fires ? [] : times, last: OptionalNumber(time))
        let what = label.map { "\(metric) = \($0)" } ?? metric
        return fires ? .fire(.alert, values: "\(what) \(count) times within \(ReasonFormat.duration(window))") : .hold
    }

    /// Clears a fired rule when event time has moved a whole window past the last occurrence.
    func expire(at time: Date, level: WorkOrderPriority?, memory: RuleMemory) -> Assessment {
        guard level != nil, case .repeated(_, let latest) = memory, let last = latest.time, time.timeIntervalSince(last) > window else { return .hold }
        return .clear
    }
}
