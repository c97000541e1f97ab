/// One slice of a trend window with its number since 1970 (it starts at `slice × sliceLength`;
/// slices are aligned to the epoch, so replay and live agree): what the fit and a checkpoint
/// record read. A device keeps it as a `TrendBucket`, its number as a place in its window.
struct TrendSlice: Sendable, Hashable {
    var slice: UInt32
    var count: UInt32
    var sumOffset: Float
    var sumValue: Float

    init(slice: UInt32, count: UInt32 = 0, sumOffset: Float = 0, sumValue: Float = 0) {
        self.slice = slice
        self.count = count
        self.sumOffset = sumOffset
        self.sumValue = sumValue
    }

    /// `bucket`'s slice in a window whose first slice is `anchor`.
    init(_ bucket: TrendBucket, anchor: UInt32) {
        self.init(slice: anchor + UInt32(bucket.place), count: bucket.count, sumOffset: bucket.sumOffset, sumValue: bucket.sumValue)
    }

    /// The bucket that keeps this slice in a window whose first slice is `anchor`.
    func bucket(anchor: UInt32) -> TrendBucket {
        TrendBucket(place: Int(slice - anchor), count: count, sumOffset: sumOffset, sumValue: sumValue)
    }
}
