/// What happened to a device in the field; each maps to ledger entries (parts, trips, production).
public enum ServiceAction: String, Sendable, Hashable, Codable, CaseIterable {
    /// A technician came (drives the profile's visit trip).
    case visit
    /// A kit was used (its parts' materials).
    case kitUsed = "kit-used"
    /// Solved without a trip.
    case remoteFix = "remote-fix"
    case customerFix = "customer-fix"
    /// Emptied (drives a share of the collection round).
    case collection
    case renovation
    /// The device reached its end of life and was replaced by a new one.
    case replacement
}
