/// The devices changed since the last checkpoint, by their place in the fleet's `DeviceTable`:
/// marking one is an array look, not a set insertion hashing its key, and it happens for every
/// message.
struct ChangedDevices: Sendable {
    private var marked: [Bool] = []
    private var numbers: [Int] = []

    mutating func mark(_ number: Int) {
        if number >= marked.count { marked.append(contentsOf: repeatElement(false, count: number - marked.count + 1)) }
        guard !marked[number] else { return }
        marked[number] = true
        numbers.append(number)
    }

    /// The marked numbers, and forgets them.
    mutating func take() -> [Int] {
        defer { numbers = [] }
        for number in numbers { marked[number] = false }
        return numbers
    }
}
