import Foundation

/// The only source of chance (the simulator, Monte Carlo): SplitMix64 (Steele, Lea and Flood 2014), small, fast and
/// the same on every platform, so a seed gives the same fleet everywhere. Every device draws from
/// its own stream, so what maintenance does to one device never shifts another's faults.
public struct SplitMix64: RandomNumberGenerator, Sendable, Hashable {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    /// A stream for one purpose (a device, one of its units, its technicians) derived from a seed.
    public init(seed: UInt64, stream: UInt64, substream: UInt64 = 0) {
        var mixer = SplitMix64(seed: seed ^ (stream &* 0x9E37_79B9_7F4A_7C15) ^ (substream &* 0xC2B2_AE3D_27D4_EB4F))
        state = mixer.next()
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    public mutating func unit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    public mutating func uniform(_ low: Double, _ high: Double) -> Double {
        low + (high - low) * unit()
    }

    /// Time (or usage) to the next event of a Poisson process with this mean.
    public mutating func exponential(mean: Double) -> Double {
        -mean * log1p(-unit())
    }

    /// Standard normal (Box-Muller; one value per call keeps the stream simple).
    public mutating func gaussian() -> Double {
        let u = max(unit(), 0x1.0p-53)
        return (-2 * log(u)).squareRoot() * cos(2 * Double.pi * unit())
    }

    /// A device's factor on a nominal rate: 1 +/- `spread`, uniform, never below 5 %.
    public mutating func factor(spread: Double) -> Double {
        max(0.05, 1 + spread * uniform(-1, 1))
    }

    /// Triangular on [low, high] with its peak at `mode`: a life "4.5 years (3 to 5)".
    public mutating func triangular(low: Double, mode: Double, high: Double) -> Double {
        guard high > low else { return low }
        let peak = min(max(mode, low), high)
        let u = unit()
        let split = (peak - low) / (high - low)
        return u < split ? low + ((high - low) * (peak - low) * u).squareRoot()
                         : high - ((high - low) * (high - peak) * (1 - u)).squareRoot()
    }
}
