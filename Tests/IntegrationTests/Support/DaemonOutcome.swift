import FleetprintTestSupport
import Foundation
import Store
import Testing
@testable import FleetprintRuntime

/// Checks that a daemon that crashed (or stopped) along the way ended where one that ran through
/// ended, on the same stream: the same ledger, open orders, order records and published ids, and
/// every work order seen on the broker from each of the two. Publishing is at least once: a kill
/// that falls between the broker's taking an order and its PUBACK being recorded sends that order
/// again after the restart, under the same id, so at most one extra copy per kill.
enum DaemonOutcome {
    static func expectSame(steady: DaemonProcess, crashing: DaemonProcess, seen: Summaries, kills: Int) async throws {
        let steadyStore = try FleetStore(directory: steady.stateDirectory)
        let crashingStore = try FleetStore(directory: crashing.stateDirectory)
        let steadyState = try PipelineStateCoding.state(from: steadyStore, library: ShippedProfiles.library).state
        let crashingState = try PipelineStateCoding.state(from: crashingStore, library: ShippedProfiles.library).state
        #expect(crashingState.ledger.devices == steadyState.ledger.devices)
        #expect(crashingState.openWorkOrders == steadyState.openWorkOrders)
        #expect(try crashingStore.load().workOrders == steadyStore.load().workOrders)
        #expect(try crashingStore.publishedOrderIDs() == steadyStore.publishedOrderIDs())
        #expect(!steadyState.openWorkOrders.isEmpty)
        #expect(try steadyStore.load().workOrders.count >= steadyState.openWorkOrders.count, "every open order has its record")

        try await Task.sleep(for: .milliseconds(300))
        let counts = Dictionary(seen.workOrderMarks.map { ($0, 1) }, uniquingKeysWith: +)
        #expect(Set(counts.keys) == (try steadyStore.publishedOrderIDs()))
        let unexpected = counts.filter { !(2...(2 + kills)).contains($0.value) }
        #expect(unexpected.isEmpty, "orders seen fewer than once from each daemon, or more often than the kills explain: \(unexpected.sorted { $0.key < $1.key }.prefix(10))")
    }
}
