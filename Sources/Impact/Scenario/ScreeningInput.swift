import FleetModel

/// What a screening comparison is computed from: one profile, one factor table, and the two
/// numbers no file holds. Sweeps and Monte Carlo change a copy of it, never the library.
public struct ScreeningInput: Sendable {
    public var profile: DeviceProfile
    public var factors: FactorTable
    /// Fleetprint's own process CPU time per device-year of the smart case (0: not counted).
    public var cpuSecondsPerDeviceYear: Double
    /// Multiplier on the smart case's ICT flows (1: as the profile states), for "what if the ICT were N times heavier".
    public var ictScale: Double

    public init(profile: DeviceProfile, factors: FactorTable, cpuSecondsPerDeviceYear: Double = 0, ictScale: Double = 1) {
        self.profile = profile
        self.factors = factors
        self.cpuSecondsPerDeviceYear = cpuSecondsPerDeviceYear
        self.ictScale = ictScale
    }

    public var characterizer: Characterizer { Characterizer(factors: factors, profile: profile) }
}
