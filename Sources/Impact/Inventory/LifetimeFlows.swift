/// The device's own production, amortised over its life, and its renovations or refurbishments:
/// where a longer life pays off and where a renovation's new glass or metal works against it.
public struct LifetimeFlows: Sendable, Hashable, Codable {
    /// The life production is amortised over, in years (the largest when sides of devices are summed).
    public var lifeYears: Double
    /// kg per material of the device's production attributed to this side.
    public var productionKilograms: [String: Double]
    public var renovations: Double
    /// kg per material that renovations replace (the profile's replacement shares of the bill of materials).
    public var renovationKilograms: [String: Double]
    public var renovationKilowattHours: Double
    /// km per vehicle item driven for renovations.
    public var renovationKilometres: [String: Double]

    public init(lifeYears: Double = 0, productionKilograms: [String: Double] = [:], renovations: Double = 0,
                renovationKilograms: [String: Double] = [:], renovationKilowattHours: Double = 0, renovationKilometres: [String: Double] = [:]) {
        self.lifeYears = lifeYears
        self.productionKilograms = productionKilograms
        self.renovations = renovations
        self.renovationKilograms = renovationKilograms
        self.renovationKilowattHours = renovationKilowattHours
        self.renovationKilometres = renovationKilometres
    }

    public static func + (lhs: LifetimeFlows, rhs: LifetimeFlows) -> LifetimeFlows {
        LifetimeFlows(lifeYears: max(lhs.lifeYears, rhs.lifeYears),
                      productionKilograms: Amounts.sum(lhs.productionKilograms, rhs.productionKilograms),
                      renovations: lhs.renovations + rhs.renovations,
                      renovationKilograms: Amounts.sum(lhs.renovationKilograms, rhs.renovationKilograms),
                      renovationKilowattHours: lhs.renovationKilowattHours + rhs.renovationKilowattHours,
                      renovationKilometres: Amounts.sum(lhs.renovationKilometres, rhs.renovationKilometres))
    }

    /// Scales the flows; the life stays, since it is a property of the device, not an amount.
    public func scaled(by factor: Double) -> LifetimeFlows {
        LifetimeFlows(lifeYears: lifeYears, productionKilograms: Amounts.scaled(productionKilograms, by: factor),
                      renovations: renovations * factor, renovationKilograms: Amounts.scaled(renovationKilograms, by: factor),
                      renovationKilowattHours: renovationKilowattHours * factor,
                      renovationKilometres: Amounts.scaled(renovationKilometres, by: factor))
    }
}
