import Foundation

/// Short, stable number and duration texts for an order's reason ("86.3 degC", "2 h"); no
/// locale, so the same readings give byte-identical orders.
enum ReasonFormat {
    static func number(_ value: Double) -> String {
        let rounded = (value * 1000).rounded() / 1000
        return rounded == rounded.rounded() && abs(rounded) < 1e15 ? String(Int64(rounded)) : String(rounded)
    }

    static func quantity(_ value: Double, _ unit: String) -> String {
        unit.isEmpty ? number(value) : "\(number(value)) \(unit)"
    }

    static func duration(_ seconds: TimeInterval) -> String {
        seconds >= 86_400 ? "\(number(seconds / 86_400)) d" : seconds >= 3600 ? "\(number(seconds / 3600)) h" : "\(number(seconds / 60)) min"
    }

    static func time(_ date: Date) -> String {
        "t=\(number(date.timeIntervalSince1970))"
    }
}
