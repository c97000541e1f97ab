/// A count kept in four bytes, which stops at its largest value instead of wrapping: a device's
/// tallies (`DeviceCounts`) are read as `Int`, and four billion messages from one device is more
/// than a century at one a second.
@propertyWrapper
public struct Tally: Sendable, Hashable {
    @usableFromInline var stored: UInt32

    @inlinable public init(wrappedValue: Int) { stored = UInt32(clamping: wrappedValue) }

    @inlinable public var wrappedValue: Int {
        get { Int(stored) }
        set { stored = UInt32(clamping: newValue) }
    }
}
