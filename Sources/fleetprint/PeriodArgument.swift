import ArgumentParser
import FleetModel

/// `--period 1h`, `15min`, `1d`, `1 days`, `1y`: a duration with its unit.
struct PeriodArgument: ExpressibleByArgument {
    let seconds: Double

    init(seconds: Double) {
        self.seconds = seconds
    }

    /// As people write it: `1y`, `2d`, `1h`, `15min`.
    var defaultValueDescription: String {
        for (unit, length) in [("y", 365.25 * 86_400), ("d", 86_400.0), ("h", 3_600.0), ("min", 60.0)] where seconds >= length && seconds.truncatingRemainder(dividingBy: length) == 0 {
            return "\(Int(seconds / length))\(unit)"
        }
        return "\(seconds)s"
    }

    init?(argument: String) {
        let number = argument.prefix { $0.isNumber || $0 == "." }
        let unit = argument.dropFirst(number.count).trimmingCharacters(in: .whitespaces)
        let shorthand = ["h": "hours", "d": "days", "m": "min", "y": "years"][unit] ?? unit
        guard let quantity = Quantity(parsing: "\(number) \(shorthand)"), quantity.unit.dimension == .duration, quantity.baseValue > 0 else { return nil }
        seconds = quantity.baseValue
    }
}
