import Impact

/// A device's detail and the daemon instance that published it.
struct InstanceDevice: Sendable {
    let instance: String
    let detail: DeviceDetail
}
