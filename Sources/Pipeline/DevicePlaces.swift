/// A set of devices by their place in the fleet's `DeviceTable`, one bit each: the devices
/// changed since the last checkpoint, and those whose detail topic is behind. Marking one is a bit
/// set, not a set insertion hashing its key, and it happens for every message; a million devices
/// take 125 KB, where a set of their places took 16 MB and a list of them 8 MB more. Its places
/// come out in ascending order.
public struct DevicePlaces: Sendable, Sequence {
    private var words: [UInt64] = []
    public private(set) var count = 0

    public init() {}

    public var isEmpty: Bool { count == 0 }

    public func contains(_ place: Int) -> Bool {
        place >> 6 < words.count && words[place >> 6] & Self.bit(place) != 0
    }

    public mutating func insert(_ place: Int) {
        precondition(place >= 0, "a device's place is never negative")
        if place >> 6 >= words.count { words.append(contentsOf: repeatElement(0, count: place >> 6 - words.count + 1)) }
        guard words[place >> 6] & Self.bit(place) == 0 else { return }
        words[place >> 6] |= Self.bit(place)
        count += 1
    }

    public mutating func remove(_ place: Int) {
        guard contains(place) else { return }
        words[place >> 6] &= ~Self.bit(place)
        count -= 1
    }

    public mutating func formUnion(_ other: DevicePlaces) {
        if other.words.count > words.count { words.append(contentsOf: repeatElement(0, count: other.words.count - words.count)) }
        for (index, word) in other.words.enumerated() where word != 0 { words[index] |= word }
        count = words.reduce(0) { $0 + $1.nonzeroBitCount }
    }

    public func makeIterator() -> some IteratorProtocol<Int> {
        var (index, word) = (0, words.first ?? 0)
        let words = words
        return AnyIterator {
            while word == 0 {
                index += 1
                guard index < words.count else { return nil }
                word = words[index]
            }
            let place = index << 6 + word.trailingZeroBitCount
            word &= word - 1
            return place
        }
    }

    private static func bit(_ place: Int) -> UInt64 { 1 << UInt64(place & 63) }
}
