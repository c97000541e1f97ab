import FleetModel
import Foundation

/// What one rule form remembers between readings, with its form: as a checkpoint record, a
/// restore and a service read and write it. A device keeps each form apart and untagged
/// (`PairedMemory`, `RepeatMemory`, a rate rule's window), 8 or 16 bytes where this takes 24.
enum RuleMemory: Sendable, Hashable {
    /// Missing-data and trend rules read the metric's own state instead.
    case none
    /// Since when the value has been past the alert and the alarm level without interruption.
    case threshold(alertSince: OptionalNumber, alarmSince: OptionalNumber)
    /// The slices of the rule's `ExtremaWindow`, oldest first.
    case rate([ExtremaBucket])
    /// Occurrences counting towards the next firing (at most the rule's count), and the latest one.
    case repeated(times: [Date], last: OptionalNumber)
    /// Counter value at the last service (or first sight) and the latest value.
    case counter(base: OptionalNumber, last: OptionalNumber)

    /// Whether a saved memory fits a rule of the current profile (a rule id may change kind).
    func hasSameForm(as other: RuleMemory) -> Bool {
        switch (self, other) {
        case (.none, .none), (.threshold, .threshold), (.rate, .rate), (.repeated, .repeated), (.counter, .counter): true
        default: false
        }
    }
}
