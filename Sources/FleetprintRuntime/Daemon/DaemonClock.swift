import Foundation

/// Wall-clock pacing of the daemon's chores (checkpoints, summaries, the outbox) and its message rate.
/// Wall time here only decides when to save and report, never what a rule or the ledger sees.
struct DaemonClock {
    let summaryEvery: TimeInterval
    let checkpointEvery: TimeInterval
    /// Pricing a large fleet takes a while, so summaries are at least this many times as far
    /// apart as the last one took: they never take more than a tenth of the daemon's time.
    static let summaryCostRatio = 10.0
    private var summarySpacing: TimeInterval
    private var lastSummary = Date()
    private var lastCheckpoint = Date()
    private var lastOutboxLook = Date()
    private var lastDeliveries = Date()
    /// How often the outbox is looked at for orders whose publish failed outright.
    static let outboxEvery: TimeInterval = 5
    /// How often the broker's acceptances that wait are handed to the publisher's writer (a whole
    /// batch of `OutputPublisher.recordEvery` goes at once): a crash republishes about this much.
    static let deliveriesEvery: TimeInterval = 0.05
    private var lastCPU = ProcessCPUTime.seconds()
    private var messagesSinceRate = 0
    private var lastRate = Date()

    init(summaryEvery: TimeInterval, checkpointEvery: TimeInterval) {
        self.summaryEvery = summaryEvery
        self.checkpointEvery = checkpointEvery
        summarySpacing = summaryEvery
    }

    mutating func count(_ messages: Int) { messagesSinceRate += messages }

    mutating func checkpointDue() -> Bool { due(&lastCheckpoint, every: checkpointEvery) }

    mutating func summaryDue() -> Bool { due(&lastSummary, every: summarySpacing) }

    mutating func outboxLookDue() -> Bool { due(&lastOutboxLook, every: Self.outboxEvery) }

    mutating func deliveriesDue() -> Bool { due(&lastDeliveries, every: Self.deliveriesEvery) }

    /// The last summary took `seconds` of wall time.
    mutating func summaryTook(_ seconds: TimeInterval) {
        summarySpacing = max(summaryEvery, Self.summaryCostRatio * seconds)
    }

    /// Messages per second since the last call.
    mutating func messagesPerSecond() -> Double {
        let now = Date()
        let elapsed = now.timeIntervalSince(lastRate)
        defer { lastRate = now; messagesSinceRate = 0 }
        return elapsed > 0 ? Double(messagesSinceRate) / elapsed : 0
    }

    mutating func cpuSecondsSinceLastCall() -> Double {
        let now = ProcessCPUTime.seconds()
        defer { lastCPU = now }
        return now - lastCPU
    }

    private func due(_ last: inout Date, every interval: TimeInterval) -> Bool {
        let now = Date()
        guard now.timeIntervalSince(last) >= interval else { return false }
        last = now
        return true
    }
}
