extension Array {
    /// Appends to an array that never holds more than `bound` elements (a window's slices): it
    /// grows as usual, but never to more room than `bound`. Doubling would take a full window of
    /// 16 slices to room for 32 the first time it reached 17, and every device keeps several.
    mutating func append(_ element: Element, boundedBy bound: Int) {
        if count == capacity, count < bound { reserveCapacity(Swift.min(bound, Swift.max(2 * count, 1))) }
        append(element)
    }
}
