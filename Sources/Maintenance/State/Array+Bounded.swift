extension Array {
    /// Appends to an array that never holds more than `bound` elements (a window's slices): it
    /// grows as usual, but never to more room than `bound`. Doubling would take a full window of
    /// 16 slices to room for 32 the first time it reached 17, and every device keeps several.
    mutating func append(_ element: Element, boundedBy bound: Int) {
        if count == capacity, count < bound { reserveCapacity(Swift.min(bound, Swift.max(2 * count, 1))) }
        append(element)
    }

    /// Inserts into an array whose room grows by `step` elements when full, not twice over: a
    /// device's trend slices grow by one slice for each of its trended metrics, to their bound.
    mutating func insert(_ element: Element, at index: Int, growingBy step: Int) {
        if count == capacity { reserveCapacity(count + Swift.max(step, 1)) }
        insert(element, at: index)
    }
}
