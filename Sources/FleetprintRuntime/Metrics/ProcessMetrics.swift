import CoreMetrics
import Synchronization

/// Prometheus' standard process metrics (the names every dashboard knows), refreshed from /proc
/// at each scrape rather than on a timer, so they cost nothing between scrapes.
final class ProcessMetrics: Sendable {
    private let cpuSeconds: FloatingPointCounter
    private let residentBytes: Meter
    private let startTime: Meter
    private let openFileDescriptors: Meter
    private let maxFileDescriptors: Meter
    /// CPU seconds already added to the counter, which only takes increments; scrapes may overlap.
    private let cpuReported = Mutex(0.0)

    init(_ catalog: MetricCatalog) {
        cpuSeconds = catalog.fractionalCounter("process_cpu_seconds_total", "Total user and system CPU time spent in seconds.")
        residentBytes = catalog.gauge("process_resident_memory_bytes", "Resident memory size in bytes.")
        startTime = catalog.gauge("process_start_time_seconds", "Start time of the process since unix epoch in seconds.")
        openFileDescriptors = catalog.gauge("process_open_fds", "Number of open file descriptors.")
        maxFileDescriptors = catalog.gauge("process_max_fds", "Maximum number of open file descriptors.")
    }

    func refresh() {
        guard let sample = ProcessSample.current() else { return }
        cpuReported.withLock { reported in
            guard sample.cpuSeconds > reported else { return }
            cpuSeconds.increment(by: sample.cpuSeconds - reported)
            reported = sample.cpuSeconds
        }
        residentBytes.set(sample.residentBytes)
        startTime.set(sample.startTimeSeconds)
        openFileDescriptors.set(sample.openFileDescriptors)
        sample.maxFileDescriptors.map { maxFileDescriptors.set($0) }
    }
}
