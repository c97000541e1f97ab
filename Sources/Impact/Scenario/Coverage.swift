/// Whether a category's number rests on factors for every flow, some of them, or none.
public enum Coverage: String, Sendable, Hashable, Codable {
    case complete
    /// Some flows had no factor in this category: the number is a lower bound of that part.
    case partial
    case none
}
