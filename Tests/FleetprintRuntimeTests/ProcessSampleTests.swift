import Foundation
import Testing
@testable import FleetprintRuntime

@Suite("Process metrics from /proc")
struct ProcessSampleTests {
    /// A command name with a space and a ')' in it: fields must be counted from the last ')'.
    private static let stat = "4242 (fleet print) x) S 1 4242 4242 0 -1 4194560 1000 0 0 0 250 50 0 0 20 0 4 0 360000 123456789 5000 18446744073709551615 1 1 0\n"
    private static let limits = """
        Limit                     Soft Limit           Hard Limit           Units
        Max cpu time              unlimited            unlimited            seconds
        Max open files            1024                 524288               files
        Max locked memory         8388608              8388608              bytes

        """
    private static let systemStat = "cpu  1 2 3 4\nintr 5\nctxt 6\nbtime 1795800000\nprocesses 7\n"

    @Test("CPU seconds, resident bytes and start time come from /proc/self/stat and the boot time; max fds is the soft limit")
    func parses() throws {
        let sample = try #require(ProcessSample(stat: Self.stat, limits: Self.limits, systemStat: Self.systemStat, openFileDescriptors: 9,
                                                ticksPerSecond: 100, pageBytes: 4096))
        #expect(sample == ProcessSample(cpuSeconds: 3, residentBytes: 5000 * 4096, startTimeSeconds: 1_795_800_000 + 3600,
                                        openFileDescriptors: 9, maxFileDescriptors: 1024))
    }

    @Test("an unlimited open-files limit has no number; a stat line cut short or no boot time gives no sample")
    func partialTexts() {
        let unlimited = Self.limits.replacingOccurrences(of: "1024                 524288", with: "unlimited            unlimited")
        let sample = ProcessSample(stat: Self.stat, limits: unlimited, systemStat: Self.systemStat, openFileDescriptors: 9, ticksPerSecond: 100, pageBytes: 4096)
        #expect(sample != nil && sample?.maxFileDescriptors == nil)
        #expect(ProcessSample(stat: "4242 (fleetprint) S 1 4242", limits: Self.limits, systemStat: Self.systemStat,
                              openFileDescriptors: 9, ticksPerSecond: 100, pageBytes: 4096) == nil)
        #expect(ProcessSample(stat: Self.stat, limits: Self.limits, systemStat: "cpu  1 2 3 4\n", openFileDescriptors: 9, ticksPerSecond: 100, pageBytes: 4096) == nil)
    }

    @Test("this process, read now, has a plausible sample")
    func current() throws {
        let sample = try #require(ProcessSample.current())
        #expect(sample.cpuSeconds > 0)
        #expect(sample.residentBytes > 1_000_000)
        #expect(sample.openFileDescriptors >= 3)
        #expect((sample.maxFileDescriptors ?? 0) >= sample.openFileDescriptors)
        #expect(sample.startTimeSeconds <= Date().timeIntervalSince1970 && sample.startTimeSeconds > Date().timeIntervalSince1970 - 86_400)
    }
}
