import Yams

/// A profile entry that YAML keys by its id (`kits: {small: ...}`): read from and written back to
/// the same shape, so a profile round-trips through `DeviceProfile.yaml`.
protocol KeyedEntry {
    var id: String { get }
    init?(id: String, reading: NodeReader)
    var node: Node { get }
}

extension NodeReader {
    /// Reads a section keyed by id; absent sections read as empty.
    func section<T: KeyedEntry>(_ key: String, of type: T.Type) -> [T] {
        optional(key) { $0.keyed(T.init(id:reading:)) } ?? []
    }
}

extension NodeBuilder {
    mutating func add<T: KeyedEntry>(_ key: String, section entries: [T]) {
        add(key, keyed: entries.map { ($0.id, $0.node) })
    }
}
