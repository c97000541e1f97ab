import FleetModel
import FleetprintTestSupport
import Foundation
import Maintenance

/// A boiler engine (optionally with only some of its rules) and one device, fed in event time.
struct EngineHarness {
    static let start = Date(timeIntervalSince1970: 1_704_067_200)
    let engine: MaintenanceEngine
    var state: DeviceState
    var orders: [WorkOrder] = []
    var escalated: [WorkOrder] = []
    var closed: [WorkOrder] = []
    var events: [ServiceEvent] = []
    var suppressed = 0

    init(kind: String = "boiler", rules: [String]? = nil, edit: (inout RuleSpec) -> Void = { _ in }) {
        var profile = ShippedProfiles.profile(kind)
        if let rules { profile.rules = profile.rules.filter { rules.contains($0.id) } }
        for index in profile.rules.indices { edit(&profile.rules[index]) }
        engine = MaintenanceEngine(profile: profile)
        state = engine.commission(device: "d1", at: Self.start)
    }

    static func time(hours: Double) -> Date { start.addingTimeInterval(hours * 3600) }

    func reading(_ metric: String, _ value: Double, hours: Double) -> Reading {
        Reading(device: "d1", kind: engine.profile.kind, metric: metric, time: Self.time(hours: hours), value: .number(value))
    }

    @discardableResult
    mutating func feed(_ metric: String, _ value: ReadingValue, hours: Double) -> MaintenanceOutput {
        record(engine.process(Reading(device: "d1", kind: engine.profile.kind, metric: metric, time: Self.time(hours: hours), value: value), state: &state))
    }

    @discardableResult
    mutating func feed(_ metric: String, _ value: Double, hours: Double) -> MaintenanceOutput {
        feed(metric, .number(value), hours: hours)
    }

    @discardableResult
    mutating func advance(hours: Double) -> MaintenanceOutput {
        record(engine.advance(to: Self.time(hours: hours), state: &state))
    }

    @discardableResult
    mutating func service(_ order: WorkOrder?, kit: String? = nil, hours: Double) -> MaintenanceOutput {
        let report = ServiceEvent(device: "d1", kind: engine.profile.kind, time: Self.time(hours: hours), action: .kitUsed, kit: kit, workOrder: order?.id)
        return record(engine.apply(report, state: &state))
    }

    private mutating func record(_ output: MaintenanceOutput) -> MaintenanceOutput {
        orders += output.workOrders
        escalated += output.escalatedOrders
        closed += output.closedOrders
        events += output.serviceEvents
        suppressed += output.suppressed
        return output
    }
}
