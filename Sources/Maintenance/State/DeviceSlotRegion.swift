/// One part of a device's `DeviceSlots` (its metric states, rule states or trend slices), read
/// and changed in place like an array's elements. It holds the storage, so a copy of it kept
/// aside stays what it was: the device's next change copies the storage first.
public struct DeviceSlotRegion<Element>: RandomAccessCollection {
    private let storage: DeviceSlotStorage
    private let offset: Int
    public let count: Int

    init(_ storage: DeviceSlotStorage, offset: Int, count: Int) {
        self.storage = storage
        self.offset = offset
        self.count = count
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { count }

    /// Changes go straight to the storage: `DeviceSlots` hands out a region to change only once
    /// the storage is its own. Mutating, though it changes no field here, so that a change goes
    /// through the owner's `_modify`, which makes the storage its own first.
    public subscript(position: Int) -> Element {
        get {
            precondition(position >= 0 && position < count, "index out of range")
            return storage.pointer(to: Element.self, at: offset)[position]
        }
        _modify {
            precondition(position >= 0 && position < count, "index out of range")
            yield &storage.pointer(to: Element.self, at: offset)[position]
        }
    }
}

extension DeviceSlotRegion: Equatable where Element: Equatable {
    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.elementsEqual(rhs) }
}

extension DeviceSlotRegion: Hashable where Element: Hashable {
    public func hash(into hasher: inout Hasher) {
        hasher.combine(count)
        for element in self { hasher.combine(element) }
    }
}

extension DeviceSlotRegion: @unchecked Sendable where Element: Sendable {}
