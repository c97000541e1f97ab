/// The `kind/device` key a device is known by in work orders and in the daemon's state.
enum PipelineKey {
    static func of(kind: String, device: String) -> String { "\(kind)/\(device)" }
}
