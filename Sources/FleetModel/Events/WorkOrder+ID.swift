extension WorkOrder {
    /// An order's id: its device's key (`DeviceIdentity.key`), a slash and the device's order
    /// number, so ids are unique across the fleet and name their device.
    public static func id(of device: DeviceIdentity, number: Int) -> String {
        "\(device.key)/\(number)"
    }

    /// The key of the device an order id names (the inverse of `id(of:number:)`).
    public static func deviceKey(ofID id: String) -> Substring? {
        id.lastIndex(of: "/").map { id[..<$0] }
    }

    /// The number of `device`'s order `id`; nil when the id names another device or no number.
    public static func number(ofID id: String, device: DeviceIdentity) -> Int? {
        parts(ofID: id).flatMap { $0.key == device.key ? $0.number : nil }
    }

    /// The number an order id ends in, whichever device it names; nil when it names none.
    public static func number(ofID id: String) -> Int? {
        parts(ofID: id)?.number
    }

    /// The device key and the number of an order id. Only the number's own spelling counts:
    /// "01" or "+1" name no order.
    private static func parts(ofID id: String) -> (key: Substring, number: Int)? {
        guard let key = deviceKey(ofID: id) else { return nil }
        let tail = id[id.index(after: key.endIndex)...]
        guard let number = Int(tail), String(number) == tail else { return nil }
        return (key, number)
    }
}
