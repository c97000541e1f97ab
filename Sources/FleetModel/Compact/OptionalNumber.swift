import Foundation

/// A number or none in eight bytes, NaN standing for none: an optional `Double` or `Date` takes
/// nine, padded to sixteen in an enum's payload or an array, and each device keeps several per
/// rule and in its ledger. Two are equal when their bits are (none equals none). Inlinable (as
/// are `Packed` and `Tally`): the engine and the ledger use them on every message, and called
/// across the module boundary each access went through the generic witness tables.
public struct OptionalNumber: Sendable, Hashable, ExpressibleByNilLiteral {
    @usableFromInline var bits: Double

    @inlinable public init(_ value: Double?) { bits = value ?? .nan }

    @inlinable public init(_ time: Date?) { self.init(time?.timeIntervalSince1970) }

    @inlinable public init(nilLiteral: ()) { bits = .nan }

    @inlinable public var value: Double? { bits.isNaN ? nil : bits }

    @inlinable public var time: Date? { value.map(Date.init(timeIntervalSince1970:)) }

    @inlinable public static func == (lhs: OptionalNumber, rhs: OptionalNumber) -> Bool { lhs.bits.bitPattern == rhs.bits.bitPattern }

    @inlinable public func hash(into hasher: inout Hasher) { hasher.combine(bits.bitPattern) }
}
