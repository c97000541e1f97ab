import FleetModel
import Foundation
@testable import Maintenance
import Testing

@Suite("Optional numbers in eight bytes")
struct OptionalNumberTests {
    @Test("a number, a time and none read back as they were, in eight bytes; none equals none")
    func roundTrip() {
        #expect(MemoryLayout<OptionalNumber>.size == 8)
        #expect(OptionalNumber(2.5).value == 2.5)
        #expect(OptionalNumber(-0.0).value == -0.0)
        let time = Date(timeIntervalSince1970: 1_767_225_600.125)
        #expect(OptionalNumber(time).time == time)
        #expect(OptionalNumber(nil as Double?).value == nil)
        #expect(OptionalNumber(nil as Date?).time == nil)
        #expect((nil as OptionalNumber) == OptionalNumber(Double.nan))
        #expect(OptionalNumber(1.0) != nil)
        #expect(Set([OptionalNumber(nil as Double?), nil, OptionalNumber(3.0)]).count == 2)
    }

    @Test("a threshold, counter or repeat rule's memory takes 16 bytes, a rate rule's extremes 24 a slice and a level one, a device's metric 16 and its gaps 8, its counts 24, a trend slice 8, the header of its slots 16 and the device itself 96")
    func layout() {
        #expect(MemoryLayout<PairedMemory>.stride == 16 && MemoryLayout<RepeatMemory>.stride == 16 && MemoryLayout<ExtremaBucket>.stride == 24)
        #expect(MemoryLayout<DeviceSlotCounts>.size == 16)
        #expect(MemoryLayout<WorkOrderPriority?>.stride == 1)
        #expect(MemoryLayout<MetricState>.stride == 16)
        #expect(MemoryLayout<ReportingGaps>.stride == 8)
        #expect(MemoryLayout<TrendBucket>.stride == 8)
        #expect(MemoryLayout<DeviceCounts>.stride == 24)
        #expect(MemoryLayout<DeviceState>.stride == 96)
    }
}
