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

    func assess(_ value: ReadingValue, at time: Date, level: WorkOrderPriority?, memory: inout RepeatMemory) -> Assessment {
        guard occurs(value) else { return expire(at: time, level: level, last: memory.last.time) }
        memory.times.append(time)
        if memory.times.count > count { memory.times.removeFirst(memory.times.count - count) }
        let fires = memory.times.count == count && time.timeIntervalSince(memory.times[0]) <= window
        if fires { memory.times = [] }
        memory.last = OptionalNumber(time)
        let what = label.map { "\(metric) = \($0)" } ?? metric
        return fires ? .fire(.alert, values: "\(what) \(count) times within \(ReasonFormat.duration(window))") : .hold
    }

    /// Clears a fired rule when event time has moved a whole window past the last occurrence.
    func expire(at time: Date, level: WorkOrderPriority?, last: Date?) -> Assessment {
        guard level != nil, let last, time.timeIntervalSince(last) > window else { return .hold }
        return .clear
    }
}
