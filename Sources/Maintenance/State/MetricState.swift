import FleetModel
import Foundation

/// The latest of one metric on one device. A device holds one per metric of its kind, in the
/// profile's order (the engine knows the names), so it stores plain numbers (`Packed`): 16 bytes
/// where optionals and a name took 112. How often the metric reports (`ReportingGaps`) is kept
/// apart, only for the metrics a missing-data rule watches; its trend slices, when a rule needs a
/// prognosis, are with the device's others (`DeviceSlots.trend`).
public struct MetricState: Sendable, Hashable {
    @Packed public internal(set) var lastSeen: Date? = nil
    @Packed public internal(set) var lastValue: Double? = nil

    init() {}
}
