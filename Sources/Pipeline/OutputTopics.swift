/// The topics the daemon publishes and listens to besides device telemetry (Config/README.md).
public enum OutputTopics {
    public static func workOrder(kind: String, device: String) -> String { "fleetprint/workorders/\(kind)/\(device)" }
    public static func impact(instance: String) -> String { "fleetprint/impact/\(instance)" }
    /// One device's detail, retained: `fleetprint/impact/<instance>/device/<kind>/<device>`.
    public static func deviceDetail(instance: String, kind: String, device: String) -> String { "fleetprint/impact/\(instance)/device/\(kind)/\(device)" }
    public static func deadLetter(reason: String) -> String { "fleetprint/deadletter/\(reason)" }
    /// Service reports that close work orders: `fleetprint/service/<kind>/<device>`.
    public static let serviceReports = "fleetprint/service/+/+"
    public static let serviceReportPrefix = "fleetprint/service/"
}
