import Foundation

/// How numbers are printed in reports: fixed rules, so output is byte-stable.
enum NumberText {
    /// Four significant digits; "-" for no data.
    static func amount(_ value: Double?) -> String {
        guard let value else { return "-" }
        return value == 0 ? "0" : String(format: "%.4g", value)
    }

    /// A fraction as a percentage with one decimal; "-" for none.
    static func percent(_ fraction: Double?) -> String {
        guard let fraction else { return "-" }
        return fraction == 0 ? "0.0 %" : String(format: "%+.1f %%", fraction * 100)
    }

    static func euros(_ value: Double?) -> String {
        guard let value else { return "-" }
        return String(format: "%.2f", value)
    }
}
