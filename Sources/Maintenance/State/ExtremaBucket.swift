/// Lowest and highest value seen in one slice of a rate-of-change window.
struct ExtremaBucket: Sendable, Hashable {
    var start: Double
    var low: Double
    var high: Double
}
