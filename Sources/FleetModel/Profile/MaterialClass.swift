/// Coarse material groups. Renovations are stated per class ("100 % of polymers, 80 % of glass,
/// 5 % of metals"), so every material says which class it belongs to.
public enum MaterialClass: String, Sendable, Hashable, CaseIterable {
    case metal
    case polymer
    case glass
    case battery
    case electronics
    case mineral
    case other
}
