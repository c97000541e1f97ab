import FleetModel
import Impact
import Foundation
import PropertyBased
import Testing
@testable import Pipeline

/// The timer heap drops dead entries by rebuilding itself; whatever the order of reschedules,
/// what comes due must be each device's current deadline, once, as a plain map of them says.
@Suite("Timer queue")
struct TimerQueueTests {
    @Test("after many reschedules and rebuilds, what is due is each device's latest deadline, once, also within a second")
    func matchesAMapOfDeadlines() async {
        await propertyCheck(count: 20, input: Gen.int(in: 0...Int(Int32.max))) { seed in
            var random = SplitMix64(seed: UInt64(seed))
            var queue = TimerQueue()
            var places = DeviceTable<DeviceLedger>()
            func place(of key: String) -> Int {
                if let place = places.index(forKey: key) { return place }
                places.store(DeviceLedger(device: String(key.dropFirst("boiler/".count)), kind: "boiler"))
                return places.count - 1
            }
            var model: [String: Date] = [:]
            var now = 1_767_225_600.0
            for _ in 0 ..< 20_000 {
                let key = "boiler/b-\(random.next() % 700)"
                // Whole seconds and quarters, so deadlines share a second with each other and with `now`.
                let deadline = random.next() % 10 == 0 ? nil : Date(timeIntervalSince1970: now + Double(random.next() % 20_000) / 4)
                queue.schedule(place(of: key), at: deadline)
                model[key] = deadline
                if random.next() % 50 == 0 {
                    now += random.next() % 2 == 0 ? 500 : 500.5
                    let due = queue.popDue(before: Date(timeIntervalSince1970: now))
                        .map { (key: places.key(at: $0.id), deadline: $0.deadline) }.sorted { $0.key < $1.key }
                    let expected = model.filter { $0.value < Date(timeIntervalSince1970: now) }.sorted { $0.key < $1.key }
                    #expect(due.map(\.key) == expected.map(\.key) && due.map(\.deadline) == expected.map(\.value))
                    for (key, _) in expected { model[key] = nil }
                }
            }
        }
    }
}
