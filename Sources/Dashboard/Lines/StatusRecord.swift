import FleetModel
import Foundation
import Impact

/// One interval of the dashboard as a line for logs and pipes: NDJSON (`--json`) or text
/// (`--plain`, or when standard output is not a terminal). Amounts are realised or projected
/// in their field names and carry units in the text.
public struct StatusRecord: Sendable, Equatable, Codable, VersionedContract {
    /// docs/schemas/status.schema.json
    public static let schemaVersion = "fleetprint.status/2"

    public var schema = SchemaTag<StatusRecord>()
    public var instances: [String]
    /// "partitions 2 of 3 present, missing 1/3", when the instances are partitions of one fleet.
    public var partitions: String?
    public var publishedAt: Date?
    public var eventTime: Date?
    public var devices: Int
    public var online: Int?
    public var messagesPerSecond: Double
    public var messages: Int
    public var deadLetters: Int
    public var openWorkOrders: Int
    public var alarms: Int
    public var cpuSeconds: Double
    public var fleet: ScopeRecord?
    public var kinds: [ScopeRecord]

    public init(_ aggregate: FleetAggregate) {
        instances = aggregate.instances
        partitions = aggregate.partitions?.text
        publishedAt = aggregate.publishedAt
        eventTime = aggregate.eventTime
        devices = aggregate.fleet?.devices ?? 0
        online = aggregate.fleet?.online
        messagesPerSecond = aggregate.messagesPerSecond
        messages = aggregate.counters.messages
        deadLetters = aggregate.counters.deadLettersTotal
        openWorkOrders = aggregate.openOrderCount
        alarms = aggregate.openOrders.filter { $0.priority == .alarm }.count
        cpuSeconds = aggregate.cpuSeconds
        fleet = aggregate.fleet.map(ScopeRecord.init)
        kinds = aggregate.kinds.map(ScopeRecord.init)
    }

    /// One NDJSON object, keys sorted, dates ISO 8601.
    public func json() throws -> String {
        String(decoding: try ContractJSON.encoder.encode(self), as: UTF8.self)
    }

    /// One line of text with units.
    public var plain: String {
        var parts = ["event \(eventTime.map(Figure.minute) ?? "none")", "\(instances.count) instances" + (partitions.map { " (\($0))" } ?? ""),
                     "devices \(devices) (\(online.map { "\($0) online" } ?? "online n/a"))",
                     Figure.amount(messagesPerSecond, "msg/s"), "orders \(openWorkOrders) (\(alarms) alarms)", "dead letters \(deadLetters)"]
        if let fleet {
            let realised = fleet.realisedVerdict == "too-early" ? "too early to judge (\(Figure.number(fleet.serviceYears)) device-years)"
                : "\(fleet.co2Realised.map { Figure.signed($0, "kg") } ?? "n/a") (\(Figure.percent(fleet.co2RealisedRelative)))"
            parts.append("CO2-eq realised \(realised)")
            parts.append("projected \(fleet.co2Projected.map { Figure.signed($0, "kg") } ?? "n/a")")
            parts.append("single score (internal decision aid) realised \(Figure.signed(fleet.eurosRealised, "EUR")) projected \(Figure.signed(fleet.eurosProjected, "EUR"))")
        }
        return parts.joined(separator: " | ")
    }
}
