/// Arithmetic on amounts keyed by id (kg by material, km by vehicle, kits by type), so flows of
/// two sides, two devices or two periods add and scale the same way.
public enum Amounts {
    public static func sum(_ lhs: [String: Double], _ rhs: [String: Double]) -> [String: Double] {
        lhs.merging(rhs, uniquingKeysWith: +)
    }

    public static func scaled(_ amounts: [String: Double], by factor: Double) -> [String: Double] {
        amounts.mapValues { $0 * factor }
    }

    public static func total(_ amounts: [String: Double]) -> Double {
        amounts.keys.sorted().reduce(0) { $0 + amounts[$1, default: 0] }
    }
}
