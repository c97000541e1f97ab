/// One device's priced sides before they are compared: a group sums these and compares once,
/// where comparing every device first would build a rose and a score per device for nothing.
struct PricedDevice: Sendable {
    var kind: String
    var serviceYears: Double
    var realisedBaseline: Side
    var realisedCase: Side
    var projectedBaseline: Side
    var projectedCase: Side
}
