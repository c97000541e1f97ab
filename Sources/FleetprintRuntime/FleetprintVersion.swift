/// The version printed by `fleetprint --version` and stamped into published summaries.
public enum FleetprintVersion {
    public static let current = "0.2.0"
}
