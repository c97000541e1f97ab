import ArgumentParser

/// `--speed 3600x` (event seconds per wall second, the `x` optional) or `--speed max`.
struct SpeedArgument: ExpressibleByArgument {
    /// nil: as fast as possible.
    let factor: Double?

    init?(argument: String) {
        if argument == "max" {
            factor = nil
            return
        }
        guard let value = Double(argument.hasSuffix("x") ? String(argument.dropLast()) : argument), value > 0 else { return nil }
        factor = value
    }

    /// As people write it: `3600x`, `max`.
    var defaultValueDescription: String {
        factor.map { ($0 == $0.rounded() ? String(Int($0)) : String($0)) + "x" } ?? "max"
    }
}
