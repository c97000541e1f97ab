/// The part of a device's ledger that every message changes (its service and running time and
/// its bytes), taken from the ledger in place: so a message's update of its kind's totals copies
/// none of the ledger's strings and dictionaries.
struct LedgerTimeShare: Sendable {
    let serviceMilliseconds: Int64
    let runningMilliseconds: Int64
    /// Whether the running time counts as a renovated unit's.
    let renovated: Bool
    let bytes: Double

    init(_ device: DeviceLedger) {
        serviceMilliseconds = device.serviceMilliseconds
        runningMilliseconds = device.runningMilliseconds
        renovated = device.renovationsOfUnit > 0
        bytes = device.bytesReceived
    }
}
