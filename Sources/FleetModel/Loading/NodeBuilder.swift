import Yams

/// Builds the YAML nodes a profile is written back as, in the same shape `NodeReader` reads:
/// quantities as "value unit" strings, optional fields left out, sections keyed by id.
struct NodeBuilder {
    private var pairs: [(Node, Node)] = []

    init() {}

    mutating func add(_ key: String, _ value: Node?) {
        guard let value else { return }
        pairs.append((Node(key), value))
    }

    mutating func add(_ key: String, _ text: String?) {
        add(key, text.map { Node($0) })
    }

    mutating func add(_ key: String, _ quantity: Quantity?) {
        add(key, quantity.map { Node($0.description) })
    }

    mutating func add<T: RawRepresentable>(_ key: String, _ value: T?) where T.RawValue == String {
        add(key, value.map { Node($0.rawValue) })
    }

    mutating func add(_ key: String, _ number: Int?) {
        add(key, number.map { Node(String($0)) })
    }

    mutating func add(_ key: String, number: Double?) {
        add(key, number.map { Node(String($0)) })
    }

    mutating func add(_ key: String, _ flag: Bool) {
        add(key, Node(flag ? "true" : "false"))
    }

    /// Adds a list, left out when empty so that defaults stay implicit.
    mutating func add(_ key: String, list: [Node]) {
        guard !list.isEmpty else { return }
        add(key, Node(list))
    }

    mutating func add(_ key: String, strings: [String]) {
        add(key, list: strings.map { Node($0) })
    }

    /// Adds a section keyed by id, left out when empty.
    mutating func add(_ key: String, keyed entries: [(String, Node)]) {
        guard !entries.isEmpty else { return }
        add(key, Node(entries.map { (Node($0.0), $0.1) }))
    }

    var node: Node { Node(pairs) }
}
