/// A `GroupSummary` as a summary carries it (see `WireBalance`).
struct WireGroup: Codable, Equatable {
    var name: String
    var devices: Int
    var serviceYears: Double
    var realised: WireBalance
    var projected: WireBalance
    /// Written for other readers; a Fleetprint reader recomputes it.
    var judgement: WireJudgement?

    init(_ group: GroupSummary, categories: [SummaryCategory]) {
        name = group.name
        devices = group.devices
        serviceYears = WireBalance.rounded(group.serviceYears)
        realised = WireBalance(group.realised, categories: categories)
        projected = WireBalance(group.projected, categories: categories)
        judgement = WireJudgement(group, categories: categories, withEvidence: false)
    }

    /// The fleet of a summary without kinds: no devices, no data.
    static func empty(categories: [SummaryCategory]) -> GroupSummary {
        let balance = Balance(categories: categories.map {
            CategoryBalance(id: $0.id, name: $0.name, unit: $0.unit, coverage: .none, baseline: nil, case: nil, euros: nil)
        })
        return GroupSummary(name: "fleet", devices: 0, serviceYears: 0, realised: balance, projected: balance)
    }

    func group(categories: [SummaryCategory], path: [any CodingKey]) throws -> GroupSummary {
        GroupSummary(name: name, devices: devices, serviceYears: serviceYears,
                     realised: try realised.balance(categories: categories, path: path),
                     projected: try projected.balance(categories: categories, path: path))
    }
}
