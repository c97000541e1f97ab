import Foundation

/// This process as Prometheus' standard process metrics describe it, read from /proc at scrape
/// time. Parsing is kept apart from reading, so it is tested on fixed texts.
struct ProcessSample: Equatable, Sendable {
    /// User and system CPU time.
    var cpuSeconds: Double
    var residentBytes: Double
    /// Seconds since the Unix epoch.
    var startTimeSeconds: Double
    var openFileDescriptors: Int
    /// The soft limit on open files; nil when /proc says "unlimited".
    var maxFileDescriptors: Int?
}

extension ProcessSample {
    /// From the texts of /proc/self/stat, /proc/self/limits and /proc/stat; nil when one of them
    /// lacks a field this needs.
    init?(stat: String, limits: String, systemStat: String, openFileDescriptors: Int, ticksPerSecond: Double, pageBytes: Double) {
        // The command name (field 2) is in parentheses and may hold spaces and ')': fields are
        // counted from the last ')'; the first after it is field 3 (state).
        guard let nameEnd = stat.lastIndex(of: ")") else { return nil }
        let fields = stat[stat.index(after: nameEnd)...].split(separator: " ")
        func field(_ number: Int) -> Double? { number - 3 < fields.count ? Double(fields[number - 3]) : nil }
        guard let userTicks = field(14), let systemTicks = field(15), let startTicks = field(22), let residentPages = field(24),
              let bootTime = Self.value(after: "btime", in: systemStat) else { return nil }
        cpuSeconds = (userTicks + systemTicks) / ticksPerSecond
        residentBytes = residentPages * pageBytes
        startTimeSeconds = bootTime + startTicks / ticksPerSecond
        self.openFileDescriptors = openFileDescriptors
        maxFileDescriptors = Self.value(after: "Max open files", in: limits).map { Int($0) }
    }

    /// This process now; nil where /proc cannot be read (not Linux).
    static func current() -> ProcessSample? {
        func text(_ path: String) -> String? { try? String(contentsOfFile: path, encoding: .utf8) }
        guard let stat = text("/proc/self/stat"), let limits = text("/proc/self/limits"), let systemStat = text("/proc/stat"),
              let descriptors = try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd") else { return nil }
        return ProcessSample(stat: stat, limits: limits, systemStat: systemStat, openFileDescriptors: descriptors.count,
                             ticksPerSecond: Double(sysconf(Int32(_SC_CLK_TCK))), pageBytes: Double(sysconf(Int32(_SC_PAGESIZE))))
    }

    /// The first number after `label` on the line that begins with it.
    private static func value(after label: String, in text: String) -> Double? {
        guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix(label) }) else { return nil }
        return line.dropFirst(label.count).split(separator: " ").first.flatMap { Double($0) }
    }
}
