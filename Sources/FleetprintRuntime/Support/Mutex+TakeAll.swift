import Synchronization

extension Mutex where Value: RangeReplaceableCollection & Sendable {
    /// What the collection holds, leaving it empty: one thread collects, another takes a batch.
    func takeAll() -> Value {
        withLock { values in
            defer { values = Value() }
            return values
        }
    }
}
