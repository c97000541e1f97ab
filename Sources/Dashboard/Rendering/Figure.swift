import Foundation
import Impact

/// Number, unit and time formatting for the dashboard: fixed rules rather than the locale, so
/// snapshots and logs read the same on every machine.
public enum Figure {
    /// About four significant digits, without exponent above 0.001.
    public static func number(_ value: Double) -> String {
        let magnitude = abs(value)
        let text: String
        switch magnitude {
        case 0: return "0"
        case 1_000...: text = String(format: "%.0f", value)
        case 100...: text = String(format: "%.1f", value)
        case 1...: text = String(format: "%.2f", value)
        case 0.001...: text = String(format: "%.4f", value)
        default: text = String(format: "%.1e", value)
        }
        return text == "-0" || text.allSatisfy({ "-0.".contains($0) }) ? "0" : text
    }

    /// A number with its unit: "12.30 kg CO2-eq".
    public static func amount(_ value: Double, _ unit: String) -> String { "\(number(value)) \(unit)" }

    /// "+12.30 kg" for gains and losses that must read as a change.
    public static func signed(_ value: Double, _ unit: String) -> String {
        let text = number(value)
        return (value > 0 && text != "0" ? "+" : "") + "\(text) \(unit)"
    }

    /// A relative result as a signed percentage, or "n/a".
    public static func percent(_ fraction: Double?) -> String {
        guard let fraction else { return "n/a" }
        return String(format: "%+.1f %%", fraction * 100).replacingOccurrences(of: "+0.0 %", with: "0.0 %").replacingOccurrences(of: "-0.0 %", with: "0.0 %")
    }

    /// The evidence behind realised figures: "12.30 device-years · 45 events, baseline 60".
    public static func evidence(_ evidence: RealisedEvidence) -> String {
        "\(number(evidence.serviceYears)) device-years · \(count(evidence.serviceEvents)) events, baseline \(count(evidence.baselineEvents))"
    }

    /// A count that may be an expectation: whole from 10 up, else to two digits ("0.06", "60").
    static func count(_ value: Double) -> String { abs(value) >= 10 ? String(format: "%.0f", value) : number(value) }

    /// "p5-p95 -20.1 … -5.20 kg CO2-eq".
    public static func range(_ range: ClosedRange<Double>, _ unit: String) -> String {
        "p5-p95 \(number(range.lowerBound)) … \(number(range.upperBound)) \(unit)"
    }

    /// "2026-01-01 00:00" in UTC.
    public static func minute(_ date: Date) -> String {
        let parts = utc.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(format: "%04d-%02d-%02d %02d:%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0, parts.hour ?? 0, parts.minute ?? 0)
    }

    /// "2026-01-01" in UTC.
    public static func day(_ date: Date) -> String { String(minute(date).prefix(10)) }

    /// A span of event time in the largest fitting unit: "3.2 y", "27 d", "5 h"; "overdue 2 d" when negative.
    public static func span(_ seconds: Double) -> String {
        let magnitude = abs(seconds)
        let text = switch magnitude {
        case (365.25 * 86_400)...: String(format: "%.1f y", magnitude / (365.25 * 86_400))
        case 86_400...: String(format: "%.0f d", magnitude / 86_400)
        case 3_600...: String(format: "%.0f h", magnitude / 3_600)
        default: String(format: "%.0f min", magnitude / 60)
        }
        return seconds < 0 ? "overdue \(text)" : text
    }

    private static let utc: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()
}
