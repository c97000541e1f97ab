/// p5, p50 and p95 of a sample (nearest rank).
public struct Percentiles: Sendable, Hashable, Codable {
    public var p5: Double
    public var p50: Double
    public var p95: Double

    public init(_ samples: [Double]) {
        let sorted = samples.sorted()
        func rank(_ p: Double) -> Double {
            guard !sorted.isEmpty else { return 0 }
            return sorted[min(sorted.count - 1, max(0, Int((p * Double(sorted.count)).rounded(.up)) - 1))]
        }
        p5 = rank(0.05)
        p50 = rank(0.5)
        p95 = rank(0.95)
    }
}
