/// Numbers the fleet's devices by first sight (0, 1, 2, ...), so that the pipeline's per-message
/// bookkeeping (timers, changes since the last checkpoint) works on plain numbers: a message
/// hashes its device's key once for all of it. Runtime only: a restart numbers afresh.
struct DeviceNumbers: Sendable {
    private var numbers: [String: Int] = [:]
    private var keys: [String] = []

    /// The number of `key`, given on first sight.
    mutating func number(of key: String) -> Int {
        if let number = numbers[key] { return number }
        numbers[key] = keys.count
        keys.append(key)
        return keys.count - 1
    }

    func key(of number: Int) -> String { keys[number] }
}
