/// SplitMix64: a small, fast generator whose sequence depends only on the seed, so a Monte Carlo
/// run can be repeated bit for bit on any machine.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform number in [0, 1) from the top 53 bits.
    public mutating func unit() -> Double {
        Double(next() >> 11) / Double(1 << 53)
    }

    /// A triangular sample between `low` and `high` with its mode at `mode` (inverse CDF).
    public mutating func triangular(low: Double, mode: Double, high: Double) -> Double {
        guard high > low else { return mode }
        let u = unit()
        let split = (mode - low) / (high - low)
        return u < split ? low + ((high - low) * (mode - low) * u).squareRoot()
                         : high - ((high - low) * (high - mode) * (1 - u)).squareRoot()
    }
}
