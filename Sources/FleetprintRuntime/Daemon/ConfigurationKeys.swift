import Yams

/// The keys `fleetprint.yaml` may hold, taken from the configuration types' own coding keys, so
/// that a typo (`checkpoint_intervall`, `limits.max_paylod`) is an error with its line instead
/// of a setting silently left at its default.
indirect enum ConfigurationKeys: Sendable {
    case mapping([String: ConfigurationKeys])
    case list(of: ConfigurationKeys)
    case value

    static let daemon: ConfigurationKeys = .mapping(Dictionary(uniqueKeysWithValues: DaemonConfiguration.CodingKeys.allCases.map { key in
        switch key {
        case .brokers: (key.stringValue, .list(of: leaves(BrokerEntry.CodingKeys.self)))
        case .limits: (key.stringValue, leaves(DaemonLimits.CodingKeys.self))
        default: (key.stringValue, .value)
        }
    }))

    private static func leaves<Keys: CodingKey & CaseIterable>(_ keys: Keys.Type) -> ConfigurationKeys {
        .mapping(Dictionary(uniqueKeysWithValues: keys.allCases.map { ($0.stringValue, .value) }))
    }

    /// Throws for the first key in `node` that is not allowed here, naming its line and path.
    func check(_ node: Node, file: String, path: String = "") throws {
        switch (self, node) {
        case (.mapping(let allowed), .mapping(let mapping)):
            for (keyNode, value) in mapping {
                let key = keyNode.string ?? "\(keyNode)"
                let field = path.isEmpty ? key : "\(path).\(key)"
                guard let inner = allowed[key] else {
                    throw DaemonConfigurationError(file: file, line: keyNode.mark?.line, field: field,
                                                   message: "unknown field; expected one of \(allowed.keys.sorted().joined(separator: ", "))")
                }
                try inner.check(value, file: file, path: field)
            }
        case (.list(let element), .sequence(let sequence)):
            for (index, item) in sequence.enumerated() {
                try element.check(item, file: file, path: "\(path)[\(index)]")
            }
        default:
            return
        }
    }
}
