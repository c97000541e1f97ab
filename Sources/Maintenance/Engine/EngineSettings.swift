import Foundation

/// Engine choices the profiles do not make: how far ahead work is due, and how much history a
/// device keeps. Fixed sizes, so memory per device is bounded whatever the message rate.
public struct EngineSettings: Sendable, Hashable, Codable {
    /// Due time of an alert-level order when no prognosis gives a remaining life.
    public var alertLead: TimeInterval
    /// Due time of an alarm-level order, and the shortest lead any order gets.
    public var alarmLead: TimeInterval
    /// Window of the trend fit behind a threshold's due date, when no trend rule gives one.
    public var prognosisWindow: TimeInterval
    /// Buckets per trend or rate-of-change window.
    public var buckets: Int
    /// How many closed order ids a device remembers, to drop a redelivered service report.
    public var closedMemory: Int
    /// A metric is missing once silent for this many of its usual gaps (and for its rule's `after`).
    public var silentReports: Double

    public init(alertLead: TimeInterval = 30 * 86_400, alarmLead: TimeInterval = 2 * 86_400, prognosisWindow: TimeInterval = 30 * 86_400,
                buckets: Int = 16, closedMemory: Int = 8, silentReports: Double = 3) {
        self.alertLead = alertLead
        self.alarmLead = alarmLead
        self.prognosisWindow = prognosisWindow
        self.buckets = buckets
        self.closedMemory = closedMemory
        self.silentReports = silentReports
    }
}
