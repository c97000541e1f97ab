import Yams

/// A cursor on one YAML node that knows its field path and line, reads typed values, and logs
/// an issue (never throws) when a value is missing or malformed, so that reading goes on and
/// every problem of a file is reported in one pass.
struct NodeReader {
    let node: Node
    let field: String
    let log: IssueLog

    init(node: Node, field: String, log: IssueLog) {
        self.node = node
        self.field = field
        self.log = log
        log.record(field: field, line: line)
    }

    var line: Int { node.mark?.line ?? 1 }

    func path(_ key: String) -> String { field.isEmpty ? key : "\(field).\(key)" }

    /// Logs an issue about this node and returns nil, so a failed read is one line.
    func fail<T>(_ message: String) -> T? {
        log.add(line: line, field: field, message)
        return nil
    }

    // MARK: Structure

    /// The child under `key`, or nil without an issue when it is absent.
    func child(_ key: String) -> NodeReader? {
        guard let mapping = node.mapping else { return nil }
        for (keyNode, value) in mapping where keyNode.string == key {
            log.record(field: path(key), line: keyNode.mark?.line ?? line)
            return NodeReader(node: value, field: path(key), log: log)
        }
        return nil
    }

    /// Reads a required child; when absent, logs "missing; expected ..." at this mapping's line.
    func required<T>(_ key: String, expected: String, _ read: (NodeReader) -> T?) -> T? {
        guard node.mapping != nil else { return fail("expected a mapping with '\(key)'") }
        guard let child = child(key) else {
            log.add(line: line, field: path(key), "missing; expected \(expected)")
            return nil
        }
        return read(child)
    }

    /// Reads an optional child: nil when absent (and an issue when present but malformed).
    func optional<T>(_ key: String, _ read: (NodeReader) -> T?) -> T? {
        child(key).flatMap(read)
    }

    /// Mapping entries in file order, for sections keyed by id (`components: {heat-exchanger: ...}`).
    func entries() -> [(key: String, reader: NodeReader)] {
        guard let mapping = node.mapping else { return fail("expected a mapping") ?? [] }
        return mapping.compactMap { keyNode, value in
            guard let key = keyNode.string else { return nil }
            log.record(field: path(key), line: keyNode.mark?.line ?? line)
            return (key, NodeReader(node: value, field: path(key), log: log))
        }
    }

    /// Sequence items, with fields `name[0]`, `name[1]`, ...
    func items() -> [NodeReader] {
        guard let sequence = node.sequence else { return fail("expected a list") ?? [] }
        return sequence.enumerated().map { index, item in
            NodeReader(node: item, field: "\(field)[\(index)]", log: log)
        }
    }

    /// Entries keyed by id, each read by `read`; entries that fail are left out (their issues stay logged).
    func keyed<T>(_ read: (String, NodeReader) -> T?) -> [T] {
        entries().compactMap { read($0.key, $0.reader) }
    }

    /// Logs every key not in `known`, which catches typos such as `lfe:` that would otherwise be ignored.
    func allowOnly(_ known: [String]) {
        guard let mapping = node.mapping else { return }
        for (keyNode, _) in mapping {
            guard let key = keyNode.string, !known.contains(key) else { continue }
            log.add(line: keyNode.mark?.line ?? line, field: path(key),
                    "unknown field; expected one of: \(known.joined(separator: ", "))")
        }
    }

    // MARK: Scalars

    var string: String? {
        guard let scalar = node.scalar else { return fail("expected text") }
        return scalar.string
    }

    var int: Int? {
        guard let text = node.scalar?.string, let value = Int(text) else { return fail("expected a whole number, got \(shown)") }
        return value
    }

    var double: Double? {
        guard let text = node.scalar?.string, let value = Double(text), value.isFinite else { return fail("expected a number, got \(shown)") }
        return value
    }

    var bool: Bool? {
        switch node.scalar?.string {
        case "true": true
        case "false": false
        default: fail("expected true or false, got \(shown)")
        }
    }

    /// A quantity such as "4.5 kg" whose unit must be of one of `dimensions`.
    func quantity(_ dimensions: QuantityDimension...) -> Quantity? {
        quantity(in: dimensions)
    }

    func quantity(in dimensions: [QuantityDimension]) -> Quantity? {
        let expected = dimensions.map(\.expectation).joined(separator: " or ")
        guard let text = node.scalar?.string else { return fail("expected \(expected), got \(shown)") }
        guard let quantity = Quantity(parsing: text) else {
            return fail("expected \(expected) written as \"<number> <unit>\", got \(shown)")
        }
        guard dimensions.contains(quantity.unit.dimension) else {
            return fail("unit mismatch: expected \(expected), got \(quantity.unit.symbol) (\(quantity.unit.dimension.rawValue))")
        }
        return quantity
    }

    /// A value of a `String`-backed enum, listing the accepted values when it is not one of them.
    func choice<T: RawRepresentable & CaseIterable>(_ type: T.Type) -> T? where T.RawValue == String {
        guard let text = node.scalar?.string else { return fail("expected text") }
        guard let value = T(rawValue: text) else {
            return fail("expected one of: \(T.allCases.map(\.rawValue).joined(separator: ", ")), got '\(text)'")
        }
        return value
    }

    /// A list of strings, also accepting a single string.
    var strings: [String]? {
        if let scalar = node.scalar { return [scalar.string] }
        guard let sequence = node.sequence else { return fail("expected a list of names") }
        return sequence.compactMap { $0.scalar?.string }
    }

    private var shown: String {
        if let scalar = node.scalar { return "'\(scalar.string)'" }
        return node.mapping != nil ? "a mapping" : "a list"
    }
}
