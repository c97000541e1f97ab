/// One slice of a trend window with its number since 1970 (it starts at `slice × sliceLength`;
/// slices are aligned to the epoch, so replay and live agree): what the fit and a checkpoint
/// record read. A device keeps only the bucket, its number given by its place in its window.
struct TrendSlice: Sendable, Hashable {
    var slice: UInt32
    var bucket: TrendBucket

    init(slice: UInt32, bucket: TrendBucket) {
        self.slice = slice
        self.bucket = bucket
    }

    var count: UInt32 { bucket.count }
    var sumValue: Float { bucket.sumValue }
}
