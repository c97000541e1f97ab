/// How many devices the fleet's state may take in, so that anyone who can publish telemetry
/// cannot grow it without bound with made-up device ids. Both are counted in event time, so a
/// replay decides exactly as the live run did.
public struct DeviceLimits: Sendable, Hashable {
    /// Devices of one kind; a new device beyond it is dead-lettered `device-limit`.
    public var maxDevicesPerKind: Int
    /// New devices, all kinds together, per minute of event time.
    public var maxNewDevicesPerMinute: Int

    public init(maxDevicesPerKind: Int = 250_000, maxNewDevicesPerMinute: Int = 10_000) {
        self.maxDevicesPerKind = maxDevicesPerKind
        self.maxNewDevicesPerMinute = maxNewDevicesPerMinute
    }
}
