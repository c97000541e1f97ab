/// A unit of measure with its dimension and its size relative to the dimension's base unit.
///
/// Base units are the ones the factor tables use: kg, km, kWh, GB, seconds, W.
/// Temperature has no conversion (it is affine); a profile states degC and keeps it.
public enum Unit: String, Sendable, Hashable, CaseIterable, Codable {
    case kilogram = "kg", gram = "g", tonne = "t"
    case kilometre = "km", metre = "m", millimetre = "mm"
    case kilowattHour = "kWh", wattHour = "Wh", megajoule = "MJ"
    case gigabyte = "GB", megabyte = "MB", kilobyte = "kB", byte = "B"
    case second = "s", minute = "min", hour = "hours", day = "days", week = "weeks", month = "months", year = "years"
    case watt = "W", milliwatt = "mW", kilowatt = "kW"
    case percent = "%", fraction = "fraction"
    case count = "count"
    case degreeCelsius = "degC"
    case bar = "bar", kilopascal = "kPa"
    case volt = "V", millivolt = "mV"
    case ampere = "A", milliampere = "mA", microampere = "uA"
    case rpm = "rpm"
    case degree = "deg"
    case vCPU = "vCPU"
    case euro = "EUR"

    /// The symbol written in profiles and printed in summaries.
    public var symbol: String { rawValue }

    public var dimension: QuantityDimension {
        switch self {
        case .kilogram, .gram, .tonne: .mass
        case .kilometre, .metre, .millimetre: .distance
        case .kilowattHour, .wattHour, .megajoule: .energy
        case .gigabyte, .megabyte, .kilobyte, .byte: .data
        case .second, .minute, .hour, .day, .week, .month, .year: .duration
        case .watt, .milliwatt, .kilowatt: .power
        case .percent, .fraction: .ratio
        case .count: .count
        case .degreeCelsius: .temperature
        case .bar, .kilopascal: .pressure
        case .volt, .millivolt: .voltage
        case .ampere, .milliampere, .microampere: .current
        case .rpm: .rotation
        case .degree: .angle
        case .vCPU: .compute
        case .euro: .money
        }
    }

    /// Size of one of this unit in the dimension's base unit (kg, km, kWh, GB, s, W, fraction, bar, V, A).
    /// A year is 365.25 days and a month a twelfth of it, so 12 months is exactly 1 year.
    public var inBaseUnit: Double {
        switch self {
        case .kilogram, .kilometre, .kilowattHour, .gigabyte, .second, .watt, .fraction, .count,
             .degreeCelsius, .bar, .volt, .ampere, .rpm, .degree, .vCPU, .euro:
            1
        case .gram: 0.001
        case .tonne: 1000
        case .metre: 0.001
        case .millimetre: 0.000_001
        case .wattHour: 0.001
        case .megajoule: 1 / 3.6
        case .megabyte: 0.001
        case .kilobyte: 0.000_001
        case .byte: 0.000_000_001
        case .minute: 60
        case .hour: 3600
        case .day: 86_400
        case .week: 7 * 86_400
        case .year: 365.25 * 86_400
        case .month: 365.25 * 86_400 / 12
        case .milliwatt: 0.001
        case .kilowatt: 1000
        case .percent: 0.01
        case .kilopascal: 0.01
        case .millivolt: 0.001
        case .milliampere: 0.001
        case .microampere: 0.000_001
        }
    }

    /// Other spellings accepted when reading; profiles are written back with `symbol`.
    public var aliases: [String] {
        switch self {
        case .second: ["second", "seconds", "sec"]
        case .minute: ["minute", "minutes", "mins"]
        case .hour: ["h", "hour"]
        case .day: ["d", "day"]
        case .week: ["week"]
        case .month: ["month"]
        case .year: ["year", "a", "yr"]
        case .count: ["pcs", "unit", "units", "item", "items", "times", "cycles", "starts", "events"]
        case .degreeCelsius: ["°C"]
        case .microampere: ["µA"]
        case .degree: ["°"]
        case .euro: ["€"]
        default: []
        }
    }

    /// Parses a symbol or one of its aliases.
    public init?(symbol: String) {
        if let unit = Unit(rawValue: symbol) {
            self = unit
        } else if let unit = Unit.allCases.first(where: { $0.aliases.contains(symbol) }) {
            self = unit
        } else {
            return nil
        }
    }
}
