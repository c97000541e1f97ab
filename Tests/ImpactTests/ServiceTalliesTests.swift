import FleetModel
import Foundation
@testable import Impact
import Testing

@Suite struct ServiceTalliesTests {
    @Test func countsAreKeptByGroupAndName() {
        var tallies = ServiceTallies()
        tallies.add(1, to: "medium", in: .kits)
        tallies.add(2, to: "", in: .visits)
        tallies.add(1, to: "small", in: .kits)
        tallies.add(1, to: "medium", in: .kits)
        tallies.add(3, to: "electrode", in: .parts)
        #expect(tallies[.kits] == ["medium": 2, "small": 1])
        #expect(tallies[.visits] == ["": 2])
        #expect(tallies[.parts] == ["electrode": 3])
        #expect(tallies[.collections].isEmpty && tallies[.renovations].isEmpty)
        #expect(tallies.entries(of: .kits).map(\.name) == ["medium", "small"])
    }

    /// Ledgers compare equal when their counts are, whatever order the events came in (as the
    /// dictionaries they replace did), so a restored ledger equals the one saved.
    @Test func theOrderOfEventsDoesNotMatter() {
        let adds: [(Int, String, ServiceTallies.Group)] = [(1, "b", .kits), (1, "t1", .visits), (2, "a", .kits), (1, "x", .renovations), (1, "p", .parts)]
        var forward = ServiceTallies(), backward = ServiceTallies()
        for (count, name, group) in adds { forward.add(count, to: name, in: group) }
        for (count, name, group) in adds.reversed() { backward.add(count, to: name, in: group) }
        #expect(forward == backward)
        #expect(forward.entries.map(\.group) == [.kits, .kits, .parts, .visits, .renovations])
    }

    @Test func aCountStopsAtItsLargestValue() {
        var tallies = ServiceTallies()
        tallies.add(Int(UInt32.max) - 1, to: "small", in: .kits)
        tallies.add(5, to: "small", in: .kits)
        #expect(tallies[.kits] == ["small": Int(UInt32.max)])
    }

    @Test func aDecodedLedgerHasTheCountsItWasWrittenWith() throws {
        var ledger = ImpactLedger()
        ledger.record(ServiceEvent(device: "b1", kind: "boiler", time: Date(timeIntervalSince1970: 100), action: .visit, kit: "medium", trip: "van"))
        ledger.replacePart("electrode", count: 2, device: "b1", kind: "boiler", at: Date(timeIntervalSince1970: 200))
        let device = try #require(ledger.devices.values.first)
        let decoded = try JSONDecoder().decode(DeviceLedger.self, from: JSONEncoder().encode(device))
        #expect(decoded == device)
        #expect(decoded.kits == ["medium": 1] && decoded.visits == ["van": 1] && decoded.parts == ["electrode": 2])
    }

    /// Devices serviced alike share one array of counts; a device whose counts then change gets
    /// its own, and the other keeps its counts.
    @Test func devicesServicedAlikeShareTheirCounts() {
        var first = ServiceTallies(), second = ServiceTallies()
        first.add(1, to: "shared-test-kit", in: .kits)
        first.add(1, to: "shared-test-trip", in: .visits)
        second.add(1, to: "shared-test-kit", in: .kits)
        second.add(1, to: "shared-test-trip", in: .visits)
        #expect(Self.storage(of: first) == Self.storage(of: second))
        second.add(1, to: "shared-test-kit", in: .kits)
        #expect(Self.storage(of: first) != Self.storage(of: second))
        #expect(first[.kits] == ["shared-test-kit": 1] && second[.kits] == ["shared-test-kit": 2])
    }

    private static func storage(of tallies: ServiceTallies) -> UnsafeRawPointer? {
        tallies.entries.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) }
    }
}
