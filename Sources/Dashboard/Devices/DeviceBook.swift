import Impact

/// The devices the dashboard has heard of, from their retained detail topics: a row for each (up
/// to `rowLimit`), and the full detail of the most recently changed ones (up to `detailLimit`),
/// so memory stays bounded whatever the fleet's size. A device beyond the limits is counted.
public struct DeviceBook: Sendable {
    public let rowLimit: Int
    public let detailLimit: Int
    public private(set) var rows: [String: DeviceRow] = [:]
    private var details: [String: DeviceDetail] = [:]
    /// Keys of held details, oldest change first, to know which to let go.
    private var detailOrder: [String] = []
    /// Devices not listed because the list was full.
    public private(set) var unlisted = 0

    public init(rowLimit: Int = 200_000, detailLimit: Int = 5_000) {
        self.rowLimit = rowLimit
        self.detailLimit = detailLimit
    }

    public mutating func receive(_ detail: DeviceDetail, instance: String) {
        let row = DeviceRow(detail, instance: instance)
        guard rows[row.key] != nil || rows.count < rowLimit else {
            unlisted += 1
            return
        }
        rows[row.key] = row
        if details.updateValue(detail, forKey: row.key) != nil { detailOrder.removeAll { $0 == row.key } }
        detailOrder.append(row.key)
        if detailOrder.count > detailLimit { details[detailOrder.removeFirst()] = nil }
    }

    /// The full detail of the device stored under `key`, if held.
    public func detail(_ key: String) -> DeviceDetail? { details[key] }

    /// The devices of `kind` (all when nil) whose id contains `filter`, in `sort`'s order.
    public func list(kind: String?, filter: String, sort: DeviceSort) -> [DeviceRow] {
        rows.values.filter { row in
            (kind == nil || row.kind == kind) && (filter.isEmpty || row.device.localizedCaseInsensitiveContains(filter))
        }.sorted(by: sort.precedes)
    }
}
