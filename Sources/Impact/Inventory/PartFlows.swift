/// Spare parts one side uses: kits by type and kg by material (kits' parts plus parts replaced alone).
public struct PartFlows: Sendable, Hashable, Codable {
    public var kits: [String: Double]
    public var kilograms: [String: Double]

    public init(kits: [String: Double] = [:], kilograms: [String: Double] = [:]) {
        self.kits = kits
        self.kilograms = kilograms
    }

    public static func + (lhs: PartFlows, rhs: PartFlows) -> PartFlows {
        PartFlows(kits: Amounts.sum(lhs.kits, rhs.kits), kilograms: Amounts.sum(lhs.kilograms, rhs.kilograms))
    }

    public func scaled(by factor: Double) -> PartFlows {
        PartFlows(kits: Amounts.scaled(kits, by: factor), kilograms: Amounts.scaled(kilograms, by: factor))
    }
}
