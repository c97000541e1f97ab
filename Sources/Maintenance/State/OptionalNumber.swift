import Foundation

/// A number or none in eight bytes, NaN standing for none: an optional `Double` or `Date` takes
/// nine, padded to sixteen in an enum's payload or an array, and each device keeps several per rule.
/// Two are equal when their bits are (none equals none).
struct OptionalNumber: Sendable, Hashable, ExpressibleByNilLiteral {
    private var bits: Double

    init(_ value: Double?) { bits = value ?? .nan }

    init(_ time: Date?) { self.init(time?.timeIntervalSince1970) }

    init(nilLiteral: ()) { bits = .nan }

    var value: Double? { bits.isNaN ? nil : bits }

    var time: Date? { value.map(Date.init(timeIntervalSince1970:)) }

    static func == (lhs: OptionalNumber, rhs: OptionalNumber) -> Bool { lhs.bits.bitPattern == rhs.bits.bitPattern }

    func hash(into hasher: inout Hasher) { hasher.combine(bits.bitPattern) }
}
