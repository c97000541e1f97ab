/// The identity a topic carries: which kind of device, and which device of that kind.
public struct DeviceAddress: Sendable, Hashable, Codable {
    public var kind: String
    public var device: String

    public init(kind: String, device: String) {
        self.kind = kind
        self.device = device
    }
}
