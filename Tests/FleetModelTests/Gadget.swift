import FleetModel

/// A per-device value for the device table's tests: the device it belongs to, and a number.
struct Gadget: DeviceKeyed, Hashable, Codable {
    let kind: String
    let device: String
    var numbers: [Int]

    /// The gadget of the device `key` names ("kind/id").
    init(_ key: String, _ numbers: Int...) {
        let parts = key.split(separator: "/", maxSplits: 1)
        (kind, device) = (String(parts[0]), String(parts[1]))
        self.numbers = numbers
    }
}
