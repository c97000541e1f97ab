/// Everything one side (baseline or smart case) consumes over some service time, in physical
/// units, before any factor is applied: kits, kg, visits, km, production, renovations, ICT.
public struct Inventory: Sendable, Hashable, Codable {
    public var parts: PartFlows
    public var trips: TripFlows
    public var lifetime: LifetimeFlows
    public var ict: ICTFlows

    public init(parts: PartFlows = .init(), trips: TripFlows = .init(), lifetime: LifetimeFlows = .init(), ict: ICTFlows = .init()) {
        self.parts = parts
        self.trips = trips
        self.lifetime = lifetime
        self.ict = ict
    }

    public static func + (lhs: Inventory, rhs: Inventory) -> Inventory {
        Inventory(parts: lhs.parts + rhs.parts, trips: lhs.trips + rhs.trips, lifetime: lhs.lifetime + rhs.lifetime, ict: lhs.ict + rhs.ict)
    }

    public func scaled(by factor: Double) -> Inventory {
        Inventory(parts: parts.scaled(by: factor), trips: trips.scaled(by: factor), lifetime: lifetime.scaled(by: factor), ict: ict.scaled(by: factor))
    }

    /// kg of material consumed: parts, production and renovations (the economy ring's waste).
    public var materialKilograms: Double {
        Amounts.total(parts.kilograms) + Amounts.total(lifetime.productionKilograms) + Amounts.total(lifetime.renovationKilograms)
    }

    /// km driven for visits, collections and renovations (the economy ring's transport).
    public var kilometres: Double { trips.totalKilometres + Amounts.total(lifetime.renovationKilometres) }
}
