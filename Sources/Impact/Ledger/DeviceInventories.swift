/// One device's four inventories before any factor is applied (realised and projected, each
/// baseline and case), or the sum of many. Characterising is linear, so a group is priced by
/// summing inventories and characterising once, not by characterising every device.
struct DeviceInventories: Sendable {
    var serviceYears: Double = 0
    var realisedBaseline = Inventory()
    var realisedCase = Inventory()
    var projectedBaseline = Inventory()
    var projectedCase = Inventory()

    static func + (lhs: DeviceInventories, rhs: DeviceInventories) -> DeviceInventories {
        DeviceInventories(serviceYears: lhs.serviceYears + rhs.serviceYears,
                          realisedBaseline: lhs.realisedBaseline + rhs.realisedBaseline, realisedCase: lhs.realisedCase + rhs.realisedCase,
                          projectedBaseline: lhs.projectedBaseline + rhs.projectedBaseline, projectedCase: lhs.projectedCase + rhs.projectedCase)
    }
}
