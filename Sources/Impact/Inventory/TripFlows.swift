/// Technician visits and collection trips one side drives. Remote and customer fixes are faults
/// solved without driving: counted so that the avoided trips can be shown, never charged.
public struct TripFlows: Sendable, Hashable, Codable {
    public var visits: Double
    public var collections: Double
    public var remoteFixes: Double
    public var customerFixes: Double
    /// km per vehicle factor item.
    public var kilometres: [String: Double]

    public init(visits: Double = 0, collections: Double = 0, remoteFixes: Double = 0, customerFixes: Double = 0, kilometres: [String: Double] = [:]) {
        self.visits = visits
        self.collections = collections
        self.remoteFixes = remoteFixes
        self.customerFixes = customerFixes
        self.kilometres = kilometres
    }

    public var totalKilometres: Double { Amounts.total(kilometres) }

    public static func + (lhs: TripFlows, rhs: TripFlows) -> TripFlows {
        TripFlows(visits: lhs.visits + rhs.visits, collections: lhs.collections + rhs.collections,
                  remoteFixes: lhs.remoteFixes + rhs.remoteFixes, customerFixes: lhs.customerFixes + rhs.customerFixes,
                  kilometres: Amounts.sum(lhs.kilometres, rhs.kilometres))
    }

    public func scaled(by factor: Double) -> TripFlows {
        TripFlows(visits: visits * factor, collections: collections * factor, remoteFixes: remoteFixes * factor,
                  customerFixes: customerFixes * factor, kilometres: Amounts.scaled(kilometres, by: factor))
    }
}
