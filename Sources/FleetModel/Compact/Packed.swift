import Foundation

/// A number or a time, which `Packed` stores as an `OptionalNumber`.
public protocol PackedAsNumber {
    init(packedNumber: Double)
    var packedNumber: Double { get }
}

extension Double: PackedAsNumber {
    @inlinable public init(packedNumber: Double) { self = packedNumber }
    @inlinable public var packedNumber: Double { self }
}

extension Date: PackedAsNumber {
    @inlinable public init(packedNumber: Double) { self.init(timeIntervalSince1970: packedNumber) }
    @inlinable public var packedNumber: Double { timeIntervalSince1970 }
}

/// An optional number or time kept in eight bytes (`OptionalNumber`) where the optional takes
/// sixteen in a struct: what a device keeps per metric and a few times of its own.
@propertyWrapper
public struct Packed<Value: PackedAsNumber>: Sendable, Hashable {
    @usableFromInline var stored: OptionalNumber

    @inlinable public init(wrappedValue: Value?) { stored = OptionalNumber(wrappedValue?.packedNumber) }

    @inlinable public var wrappedValue: Value? {
        get { stored.value.map(Value.init(packedNumber:)) }
        set { stored = OptionalNumber(newValue?.packedNumber) }
    }
}
