import FleetModel

/// Constants of the simulated world that no profile gives: calendar lengths, how fast people
/// react, how noisy sensors are. Kept in one place so they are easy to find and to argue with.
enum Physics {
    static let day = 86_400.0
    static let year = 365.25 * day
    /// Sensor noise, as a share of the metric's valid range.
    static let noiseShare = 0.003
    /// A fault shows as this many symptom messages (retries before lockout), this far apart: enough
    /// for "3 times in 24 h" rules at any sample period.
    static let burstMessages = 3
    static let burstSpacing: Int64 = 1200
    /// Days until someone calls about a fault or damage nobody has fixed yet, by who can fix it.
    static let callOutDays: [Resolution: ClosedRange<Double>] = [.technician: 2...5, .customer: 1...4, .remote: 0.5...2]
    /// Days a customer takes to act on advice, and hours a remote fix takes.
    static let customerDays: ClosedRange<Double> = 1...7
    static let remoteHours: ClosedRange<Double> = 1...6
    /// Share of the time to an order's due date after which a technician comes.
    static let technicianShare: ClosedRange<Double> = 0.3...0.8
    static let minimumTechnicianLead = 2 * 3600.0
    /// Nobody acts on an order within the hour it is issued. This is also how far the simulator
    /// may run ahead of the daemon's pipeline: no order it has not seen yet can act sooner.
    static let minimumOrderLead: Int64 = 3600
    /// Damage without a kit ages the end-of-life wear by this share of its span (a deep discharge).
    static let damageAging = 0.05
    /// Unrepaired damages a device survives; one more and it fails beyond repair.
    static let damageTolerance = 3
    /// Customer advice on an abuse or usage metric cuts that behaviour's rate by this factor.
    static let adviceEffect = 0.5
}
