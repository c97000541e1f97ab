import Foundation

/// A number or none in eight bytes, NaN standing for none: an optional `Double` or `Date` takes
/// nine, padded to sixteen in an enum's payload or an array, and each device keeps several per
/// rule and in its ledger. Two are equal when their bits are (none equals none).
public struct OptionalNumber: Sendable, Hashable, ExpressibleByNilLiteral {
    private var bits: Double

    public init(_ value: Double?) { bits = value ?? .nan }

    public init(_ time: Date?) { self.init(time?.timeIntervalSince1970) }

    public init(nilLiteral: ()) { bits = .nan }

    public var value: Double? { bits.isNaN ? nil : bits }

    public var time: Date? { value.map(Date.init(timeIntervalSince1970:)) }

    public static func == (lhs: OptionalNumber, rhs: OptionalNumber) -> Bool { lhs.bits.bitPattern == rhs.bits.bitPattern }

    public func hash(into hasher: inout Hasher) { hasher.combine(bits.bitPattern) }
}
