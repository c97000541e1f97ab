import FleetModel

extension Unit {
    /// The unit whose size is 1 in `dimension` (kg, km, kWh, GB, s, count): amounts of different
    /// units are summed in it.
    static func base(of dimension: QuantityDimension) -> Unit {
        allCases.first { $0.dimension == dimension && $0.inBaseUnit == 1 } ?? .count
    }
}
