import Foundation
import Store
import Testing
@testable import FleetprintRuntime

/// Checks that a daemon that crashed (or stopped) along the way ended where one that ran through
/// ended, on the same stream: the same ledger, open orders, order records and published ids, and
/// every work order seen on the broker exactly once from each of the two.
enum DaemonOutcome {
    static func expectSame(steady: DaemonProcess, crashing: DaemonProcess, seen: Summaries) async throws {
        let steadyStore = try FleetStore(directory: steady.stateDirectory)
        let crashingStore = try FleetStore(directory: crashing.stateDirectory)
        let steadyState = try PipelineStateCoding.state(from: steadyStore.load())
        let crashingState = try PipelineStateCoding.state(from: crashingStore.load())
        #expect(crashingState.ledger.devices == steadyState.ledger.devices)
        #expect(crashingState.devices.mapValues(\.openWorkOrders) == steadyState.devices.mapValues(\.openWorkOrders))
        #expect(try crashingStore.load().workOrders == steadyStore.load().workOrders)
        #expect(try crashingStore.publishedOrderIDs() == steadyStore.publishedOrderIDs())
        #expect(!steadyState.openWorkOrders.isEmpty)

        try await Task.sleep(for: .milliseconds(300))
        let counts = Dictionary(seen.workOrderIDs.map { ($0, 1) }, uniquingKeysWith: +)
        #expect(Set(counts.keys) == (try steadyStore.publishedOrderIDs()))
        let twice = counts.filter { $0.value != 2 }
        #expect(twice.isEmpty, "orders not seen exactly once from each daemon: \(twice.sorted { $0.key < $1.key }.prefix(10))")
    }
}
