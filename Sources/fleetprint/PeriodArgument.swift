import ArgumentParser
import FleetModel

/// `--period 1h`, `15min`, `1d`, `1 days`: a duration with its unit.
struct PeriodArgument: ExpressibleByArgument {
    let seconds: Double

    init?(argument: String) {
        let number = argument.prefix { $0.isNumber || $0 == "." }
        let unit = argument.dropFirst(number.count).trimmingCharacters(in: .whitespaces)
        let shorthand = ["h": "hours", "d": "days", "m": "min"][unit] ?? unit
        guard let quantity = Quantity(parsing: "\(number) \(shorthand)"), quantity.unit.dimension == .duration, quantity.baseValue > 0 else { return nil }
        seconds = quantity.baseValue
    }
}
