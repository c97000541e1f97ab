import Foundation

/// Lets at most `perSecond` log lines through each wall-clock second and counts the rest, so a
/// flood of bad input costs a few lines and a tally, never a full disk.
struct LogRateLimiter {
    let perSecond: Int
    private var second = 0
    private var used = 0
    private var suppressed = 0

    init(perSecond: Int) {
        self.perSecond = perSecond
    }

    /// Whether to log now, and how many lines were held back since the last one that went out.
    mutating func admit(at time: Date = Date()) -> (allowed: Bool, suppressed: Int) {
        let now = Int(time.timeIntervalSince1970)
        if now != second {
            second = now
            used = 0
        }
        guard used < perSecond else {
            suppressed += 1
            return (false, 0)
        }
        used += 1
        defer { suppressed = 0 }
        return (true, suppressed)
    }
}
