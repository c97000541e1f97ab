import FleetModel
import FleetprintTestSupport
import Foundation
import Impact
import Store
import Testing
@testable import FleetprintRuntime

/// Checks that the daemons of N partitions, stopped, ended where one daemon of the whole fleet
/// ends: together the same device ledgers and the same work orders, and each device's orders from
/// the one partition that owns it (Fleetprint's measured CPU time differs by nature).
enum PartitionOutcome {
    /// `orderMarks`: every publication of a work order that one daemon records (`OneDaemonRun`).
    static func expectWhole(_ partitions: [(partition: Partition, state: URL)], ledger: DeviceTable<DeviceLedger>, orderMarks: Set<String>) throws {
        var devices = DeviceTable<DeviceLedger>()
        var published: [Set<String>] = []
        for (partition, state) in partitions {
            let store = try FleetStore(directory: state)
            let saved = try PipelineStateCoding.state(from: store, library: ShippedProfiles.library).state
            let strangers = saved.ledger.devices.values.filter { !partition.owns(kind: $0.kind, id: $0.device) }.map(\.device)
            #expect(strangers.isEmpty, "partition \(partition) kept devices it does not own: \(strangers)")
            for device in saved.ledger.devices.values where devices.index(kind: device.kind, id: device.device) == nil { devices.store(device) }
            let marks = try store.publishedOrderIDs()
            let foreign = marks.filter { mark in
                let parts = mark.split(separator: "/")
                return !partition.owns(kind: String(parts[0]), id: String(parts[1]))
            }
            #expect(foreign.isEmpty, "partition \(partition) published orders of devices it does not own: \(foreign.sorted().prefix(5))")
            published.append(marks)
        }
        #expect(devices == ledger, "the partitions' ledgers together are the whole fleet's")
        #expect(published.reduce(0) { $0 + $1.count } == orderMarks.count, "no order published by two partitions")
        #expect(published.reduce(into: Set<String>()) { $0.formUnion($1) } == orderMarks)
    }
}
