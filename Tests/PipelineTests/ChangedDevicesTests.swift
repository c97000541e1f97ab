import Testing
@testable import Pipeline

@Suite("Changed devices and device numbers")
struct ChangedDevicesTests {
    @Test("each marked device is taken once, in marking order, and marks after a take count again")
    func takeOnce() {
        var changed = ChangedDevices()
        changed.mark(3)
        changed.mark(0)
        changed.mark(3)
        changed.mark(7)
        #expect(changed.take() == [3, 0, 7])
        #expect(changed.take().isEmpty)
        changed.mark(7)
        changed.mark(1)
        #expect(changed.take() == [7, 1])
    }

    @Test("a device keeps the number of its first sight, and the number gives its key back")
    func numbersByFirstSight() {
        var numbers = DeviceNumbers()
        #expect(numbers.number(of: "boiler/b-2") == 0)
        #expect(numbers.number(of: "speedgate/b-2") == 1)
        #expect(numbers.number(of: "boiler/b-2") == 0)
        #expect(numbers.key(of: 1) == "speedgate/b-2")
    }
}
