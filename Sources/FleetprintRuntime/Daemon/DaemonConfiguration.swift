import FleetModel
import Foundation
import Telemetry
import Yams

/// `fleetprint run`'s settings, read from YAML (Config/fleetprint.yaml documents every field).
/// Durations and sizes carry their units ("2 s", "64 kB"), as in the profiles.
public struct DaemonConfiguration: Sendable, Equatable, Codable {
    /// Names this daemon in `fleetprint/impact/<instance>`; several instances split a fleet.
    public var instance: String = DaemonConfiguration.defaultInstance
    public var brokers: [BrokerEntry] = [BrokerEntry(url: "mqtt://127.0.0.1:1883")]
    /// Folder of the SQLite state (checkpoints, published orders), relative to the working
    /// directory; when absent, `stateDirectory(environment:)` chooses.
    public var state: String?
    /// Folder of the message journal's segment files; `<state>/journal` when absent.
    public var journal: String?
    public var summaryInterval = Quantity(2, .second)
    public var checkpointInterval = Quantity(5, .second)
    /// At most this many changed devices' detail topics are published per second (retained);
    /// 0 publishes none. The broker keeps one retained message per device (about 1.5 kB).
    public var deviceDetailsPerSecond = 1_000
    public var limits = DaemonLimits()
    /// `host:port` for Prometheus `/metrics`; off when absent.
    public var metrics: String?
    /// The devices this daemon owns ("1/3"); all when absent. docs/SCALEOUT.md.
    public var partition: Partition?

    public static let defaultInstance = "local"

    public init() {}

    enum CodingKeys: String, CodingKey, CaseIterable {
        case instance, brokers, state, journal, limits, metrics, partition
        case summaryInterval = "summary_interval"
        case checkpointInterval = "checkpoint_interval"
        case deviceDetailsPerSecond = "device_details_per_second"
    }

    public init(from decoder: any Decoder) throws {
        let defaults = DaemonConfiguration()
        let container = try decoder.container(keyedBy: CodingKeys.self)
        instance = try container.decodeIfPresent(String.self, forKey: .instance) ?? defaults.instance
        brokers = try container.decodeIfPresent([BrokerEntry].self, forKey: .brokers) ?? defaults.brokers
        state = try container.decodeIfPresent(String.self, forKey: .state)
        journal = try container.decodeIfPresent(String.self, forKey: .journal)
        summaryInterval = try container.decodeIfPresent(Quantity.self, forKey: .summaryInterval) ?? defaults.summaryInterval
        checkpointInterval = try container.decodeIfPresent(Quantity.self, forKey: .checkpointInterval) ?? defaults.checkpointInterval
        deviceDetailsPerSecond = try container.decodeIfPresent(Int.self, forKey: .deviceDetailsPerSecond) ?? defaults.deviceDetailsPerSecond
        limits = try container.decodeIfPresent(DaemonLimits.self, forKey: .limits) ?? defaults.limits
        metrics = try container.decodeIfPresent(String.self, forKey: .metrics)
        partition = try container.decodeIfPresent(Partition.self, forKey: .partition)
    }

    /// A partitioned daemon left with the default name is named after its partition
    /// (`local-p1of3`): each partition needs its own summary topic and client id, and the
    /// broker would otherwise hand one session to whichever daemon connected last.
    public mutating func nameDefaultInstanceAfterPartition() {
        guard let partition, instance == Self.defaultInstance else { return }
        instance = "\(Self.defaultInstance)-\(partition.nameSuffix)"
    }

    /// The state folder: `state` when set; else the first folder of `$STATE_DIRECTORY`, which
    /// systemd sets from the unit's `StateDirectory=` (colon-separated when it names several), so
    /// the unit needs no `--state`; else `state` in the working directory.
    public func stateDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let state { return state }
        if let first = environment["STATE_DIRECTORY"]?.split(separator: ":").first { return String(first) }
        return "state"
    }

    /// Reads a configuration file; errors name the file, the line where known, and the field.
    public static func load(_ file: URL) throws -> DaemonConfiguration {
        guard let text = try? String(contentsOf: file, encoding: .utf8) else {
            throw DaemonConfigurationError(file: file.path, line: nil, field: nil, message: "cannot read the file")
        }
        do {
            if let node = try Yams.compose(yaml: text) {
                try ConfigurationKeys.daemon.check(node, file: file.path)
            }
            let configuration = try YAMLDecoder().decode(DaemonConfiguration.self, from: text)
            try configuration.validate(file: file.path)
            return configuration
        } catch let error as DaemonConfigurationError {
            throw error
        } catch let error as YamlError {
            throw DaemonConfigurationError(file: file.path, line: error.line, field: nil,
                                           message: "not valid YAML" + (error.column.map { " at column \($0)" } ?? "") + ": \(error.problem)")
        } catch let error as DecodingError {
            throw DaemonConfigurationError(decoding: error, file: file.path)
        }
    }

    /// An instance name becomes a topic level (`fleetprint/impact/<instance>`) and a client id:
    /// the characters of a device id (`DeviceID.isAllowed`), so no `/`, `+` or `#` can change
    /// what it means.
    static func validate(instance: String, file: String) throws {
        guard (1...64).contains(instance.utf8.count), instance.utf8.allSatisfy(DeviceID.isAllowed) else {
            throw DaemonConfigurationError(file: file, line: nil, field: "instance",
                                           message: "'\(instance)' is not a valid instance name: use 1 to 64 letters, digits, '.', '_', '-' or ':'")
        }
    }

    /// Checks that each quantity has the dimension its field needs.
    func validate(file: String) throws {
        func expect(_ quantity: Quantity, _ dimension: QuantityDimension, _ field: String) throws {
            guard quantity.unit.dimension == dimension, quantity.value > 0 else {
                throw DaemonConfigurationError(file: file, line: nil, field: field,
                                               message: "expected a positive \(dimension), got '\(quantity)'")
            }
        }
        try expect(summaryInterval, .duration, "summary_interval")
        try expect(checkpointInterval, .duration, "checkpoint_interval")
        try expect(limits.maxPayload, .data, "limits.max_payload")
        try expect(limits.maxFutureSkew, .duration, "limits.max_future_skew")
        try expect(limits.maxAge, .duration, "limits.max_age")
        for (value, field) in [(limits.maxDevicesPerKind, "limits.max_devices_per_kind"), (limits.maxNewDevicesPerMinute, "limits.max_new_devices_per_minute"),
                               (limits.maxDeviceIDLength, "limits.max_device_id_length")] where value < 1 {
            throw DaemonConfigurationError(file: file, line: nil, field: field, message: "expected a positive whole number, got \(value)")
        }
        guard deviceDetailsPerSecond >= 0 else {
            throw DaemonConfigurationError(file: file, line: nil, field: "device_details_per_second",
                                           message: "expected 0 (none) or a positive whole number, got \(deviceDetailsPerSecond)")
        }
        try Self.validate(instance: instance, file: file)
        for (index, broker) in brokers.enumerated() where ![nil, "3.1.1", "5"].contains(broker.mqttVersion) {
            throw DaemonConfigurationError(file: file, line: nil, field: "brokers[\(index)].mqtt_version",
                                           message: "expected 3.1.1 or 5, got '\(broker.mqttVersion ?? "")'")
        }
        guard !brokers.isEmpty else {
            throw DaemonConfigurationError(file: file, line: nil, field: "brokers", message: "expected at least one broker")
        }
    }
}
