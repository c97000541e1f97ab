/// A per-device value that says which device it is, so a `DeviceTable` keeps no key beside it:
/// a key string of its own cost each device about ninety bytes.
public protocol DeviceKeyed {
    var kind: String { get }
    /// The device's id within its kind.
    var device: String { get }
}

extension DeviceKeyed {
    /// `DeviceIdentity.key` of the device, built when asked.
    public var deviceKey: String { DeviceIdentity.key(kind: kind, id: device) }
}
