import CMalloc

/// glibc's allocator, set for a process that holds a fleet's state: many small allocations that
/// live long and grow at their own moments, between short-lived ones.
enum AllocatorSettings {
    /// Once, before the fleet's state is built.
    ///
    /// - A fixed threshold of 128 KB for mapping a block apart: glibc raises it to the size of any
    ///   mapped block freed (up to 32 MB), after which the large passing buffers of a checkpoint or
    ///   a summary came from the heap, between the devices, and left room there that only whole
    ///   free pages give back.
    /// - One arena for all threads: each thread's cache of freed blocks hands a block freed by the
    ///   pipeline thread (a message the network thread made) to the pipeline's next allocation,
    ///   so devices' states grew inside the network thread's arena, between its messages.
    ///
    /// With every trend window of 100,000 devices full, a live daemon's peak was 152 MB with both
    /// and 156 MB without (`Benchmarks/million.sh 100000 <dir> 0.08`, BENCHMARKS.md).
    static func apply() {
        mallopt(M_MMAP_THRESHOLD, 128 * 1024)
        mallopt(M_ARENA_MAX, 1)
    }
}
