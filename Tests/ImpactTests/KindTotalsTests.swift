import FleetModel
import FleetprintTestSupport
import Foundation
@testable import Impact
import PropertyBased
import Testing

/// The ledger keeps each kind's pricing totals up to date as events arrive, and the summary is
/// priced from them instead of from every device: the totals must be exactly what summing the
/// devices afresh gives, and the prices what pricing each device and adding up gives.
@Suite("Kind totals")
struct KindTotalsTests {
    static let kinds = ["boiler", "ebike-battery", "facade", "speedgate", "underground-container"]
    static let actions: [ServiceAction] = [.visit, .kitUsed, .remoteFix, .customerFix, .collection, .renovation, .replacement]

    /// A fleet with every kind of event, from seeded choices.
    static func ledger(events: Int, seed: UInt64) -> ImpactLedger {
        var random = SplitMix64(seed: seed)
        func pick(_ count: Int) -> Int { Int(random.next() % UInt64(count)) }
        var ledger = ImpactLedger()
        for step in 0 ..< events {
            let kind = kinds[pick(kinds.count)]
            let device = "\(kind.prefix(1))\(pick(30))"
            let time = Fixtures.years(Double(step) / Double(events) * 3 + Double(pick(1000)) / 1e4)
            switch pick(10) {
            case 0: ledger.commission(device: device, kind: kind, at: time)
            case 1, 2:
                ledger.record(ServiceEvent(device: device, kind: kind, time: time, action: actions[pick(actions.count)],
                                           kit: pick(2) == 0 ? "medium" : nil, trip: pick(3) == 0 ? "van" : nil))
            case 3: ledger.replacePart("gasket", count: 1 + pick(3), device: device, kind: kind, at: time)
            case 4 where pick(20) == 0: ledger.retire(device: device, kind: kind, at: time)
            default: ledger.receive(bytes: 100 + pick(900), device: DeviceIdentity(kind: kind, id: device), at: time)
            }
        }
        return ledger
    }

    @Test("totals kept as events arrive equal totals summed afresh from the saved devices, to the bit")
    func keptEqualsSummed() async {
        await propertyCheck(count: 40, input: Gen.int(in: 1...600), Gen.int(in: 0...Int(Int32.max))) { events, seed in
            let ledger = Self.ledger(events: events, seed: UInt64(seed))
            do {
                let reread = try ImpactLedger.decoded(from: try ledger.encoded())
                #expect(reread.kinds == ledger.kinds)
                #expect(ledger.kinds.values.reduce(0) { $0 + $1.devices } == ledger.devices.count)
            } catch {
                Issue.record("\(error)")
            }
        }
    }

    @Test("a kind priced from its totals is what its devices priced one by one add up to")
    func pricedTotalsAreSummedDevices() throws {
        let library = try Fixtures.library()
        let model = LedgerModel(library: library)
        let ledger = Self.ledger(events: 3_000, seed: 42)
        let summary = model.summary(of: ledger)
        for group in summary.kinds {
            let reports = ledger.devices.values.filter { $0.kind == group.name }.compactMap { model.report($0) }
            #expect(group.devices == reports.count)
            #expect(abs(group.serviceYears - reports.reduce(0) { $0 + $1.serviceYears }) < 1e-9 * max(1, group.serviceYears))
            for category in group.realised.categories {
                let baseline = reports.reduce(0) { $0 + ($1.realised.category(category.id)?.baseline ?? 0) }
                let smart = reports.reduce(0) { $0 + ($1.realised.category(category.id)?.case ?? 0) }
                #expect(abs((category.baseline ?? 0) - baseline) <= 1e-9 * max(1, abs(baseline)), "\(group.name) \(category.id) baseline")
                #expect(abs((category.case ?? 0) - smart) <= 1e-9 * max(1, abs(smart)), "\(group.name) \(category.id) case")
            }
        }
    }

    @Test("devices online in the last day, counted as events arrive, are those a look through every device finds")
    func onlineCounts() async {
        await propertyCheck(count: 40, input: Gen.int(in: 1...600), Gen.int(in: 0...Int(Int32.max)), Gen.int(in: -200_000...200_000)) { events, seed, offset in
            let ledger = Self.ledger(events: events, seed: UInt64(seed))
            guard let latest = ledger.devices.values.compactMap(\.lastSeen).max() else { return }
            // A whole second, as the counts are kept to the second.
            let now = Date(timeIntervalSince1970: (latest.timeIntervalSince1970 + Double(offset)).rounded())
            let expected = Dictionary(grouping: ledger.devices.values, by: \.kind).mapValues { devices in
                devices.filter { device in !device.isRetired && device.lastSeen.map { now.timeIntervalSince($0) <= DaemonSummary.onlineWindow } ?? false }.count
            }
            let counted = KindActivity.of(ledger, at: now)
            if offset >= -3_600 { #expect(ledger.seen(since: now.addingTimeInterval(-DaemonSummary.onlineWindow)) != nil, "counted, not looked up") }
            #expect(counted.map(\.kind) == expected.keys.sorted())
            for activity in counted {
                #expect(activity.online == expected[activity.kind], "\(activity.kind) at \(offset) s from the latest sighting")
                #expect(activity.devices == ledger.devices.values.filter { $0.kind == activity.kind }.count)
            }
        }
    }

    @Test("a second seen by more devices than two bytes count keeps them all, also as they move on and as it leaves the ring")
    func crowdedSecond() {
        var sightings = RecentSightings()
        let t = Date(timeIntervalSince1970: 1_767_225_600)
        for _ in 0 ..< 70_000 { sightings.move(from: nil, to: t) }
        #expect(sightings.count(since: t) == 70_000)
        for _ in 0 ..< 10_000 { sightings.move(from: t, to: t.addingTimeInterval(5)) }
        #expect(sightings.count(since: t) == 70_000 && sightings.count(since: t.addingTimeInterval(1)) == 10_000)
        for _ in 0 ..< 60_000 { sightings.move(from: t, to: t.addingTimeInterval(5)) }
        #expect(sightings.count(since: t) == 70_000 && sightings.count(since: t.addingTimeInterval(1)) == 70_000)
        let later = t.addingTimeInterval(Double(RecentSightings.span) + 5)
        sightings.move(from: nil, to: later)
        #expect(sightings.count(since: later.addingTimeInterval(-Double(RecentSightings.span) + 1)) == 1, "the crowded second left the ring")
    }
}
