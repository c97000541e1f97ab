import Testing
@testable import Pipeline

@Suite("Changed devices")
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
}
