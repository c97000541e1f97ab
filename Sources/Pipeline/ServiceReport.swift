import FleetModel
import Foundation

/// What a technician (or the simulator's technician loop) reports on
/// `fleetprint/service/<kind>/<device>` when a job is done; it closes the work order and feeds the
/// ledger with what was actually used. Schema in Config/README.md.
public struct ServiceReport: Sendable, Equatable, Codable, VersionedContract {
    /// docs/schemas/service-report.schema.json; a report may leave `schema` out, but one that
    /// names another version is refused rather than misread.
    public static let schemaVersion = "fleetprint.service-report/1"

    /// The sender's own id for the report, named in the closure of the order it closes.
    public var id: String?
    /// The work order it carries out; absent for unplanned service.
    public var workOrder: String?
    /// Event time, ISO 8601 (`2031-04-02T09:30:00Z`) or Unix milliseconds.
    public var time: Date
    /// `visit`, `remote-fix`, `customer-fix`, `renovation` or `replacement`.
    public var action: ServiceAction
    /// The kit used, if any (a kit id of the device's profile).
    public var kit: String?
    /// Set for work nobody ordered; a report without a work order must say so.
    public var unplanned: Bool

    public init(id: String? = nil, workOrder: String?, time: Date, action: ServiceAction, kit: String?, unplanned: Bool = false) {
        self.id = id
        self.workOrder = workOrder
        self.time = time
        self.action = action
        self.kit = kit
        self.unplanned = unplanned
    }

    enum CodingKeys: String, CodingKey {
        case schema, id, time, action, kit, unplanned
        case workOrder = "work_order"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        _ = try container.decodeIfPresent(SchemaTag<ServiceReport>.self, forKey: .schema)
        id = try container.decodeIfPresent(String.self, forKey: .id)
        workOrder = try container.decodeIfPresent(String.self, forKey: .workOrder)
        action = try container.decode(ServiceAction.self, forKey: .action)
        kit = try container.decodeIfPresent(String.self, forKey: .kit)
        unplanned = try container.decodeIfPresent(Bool.self, forKey: .unplanned) ?? false
        if let milliseconds = try? container.decode(Double.self, forKey: .time) {
            time = Date(timeIntervalSince1970: milliseconds / 1000)
        } else {
            let text = try container.decode(String.self, forKey: .time)
            guard let date = try? Date(text, strategy: .iso8601) else {
                throw DecodingError.dataCorruptedError(forKey: .time, in: container, debugDescription: "expected ISO 8601 or Unix milliseconds, got '\(text)'")
            }
            time = date
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(SchemaTag<ServiceReport>(), forKey: .schema)
        try container.encodeIfPresent(id, forKey: .id)
        try container.encodeIfPresent(workOrder, forKey: .workOrder)
        try container.encode(time.formatted(.iso8601), forKey: .time)
        try container.encode(action, forKey: .action)
        try container.encodeIfPresent(kit, forKey: .kit)
        if unplanned { try container.encode(true, forKey: .unplanned) }
    }

    /// The engine's and the ledger's view: a visit drives the profile's visit trip, the kit adds its parts.
    public func serviceEvent(kind: String, device: String) -> ServiceEvent {
        ServiceEvent(device: device, kind: kind, time: time, action: action, kit: kit, workOrder: workOrder, report: id)
    }
}
