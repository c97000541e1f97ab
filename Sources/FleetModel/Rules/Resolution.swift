/// Who fixes a fault: only a technician's visit costs a trip.
public enum Resolution: String, Sendable, Hashable, Codable, CaseIterable {
    case technician
    case remote
    case customer
}
