import FleetModel
import Foundation
import Maintenance
import Testing

@Suite("Rule forms")
struct RuleFormTests {
    @Test("a boiler driven past the flue-gas alarm gets exactly one work order")
    func boilerFlueGas() {
        var h = EngineHarness()
        for step in 0...72 {
            let hours = Double(step) * 5 / 60
            h.feed("flow_temperature", 60, hours: hours)
            h.feed("flue_gas_temperature", step < 12 ? 60 : 90, hours: hours)
        }
        #expect(h.orders.count == 1)
        let order = h.orders.first
        #expect(order?.kit == "medium")
        #expect(order?.rule == "flue-gas-fouling")
        #expect(order?.priority == .alarm)
        #expect(order?.resolution == .technician)
        #expect(order?.reason?.contains("flue_gas_temperature 90 degC above alarm level 85 degC for 2 h") == true)
        #expect(order?.due == order.map { $0.issuedAt.addingTimeInterval(2 * 86_400) })
        #expect(h.state.openWorkOrders == h.orders)
    }

    @Test("a short spike does not satisfy the rule's duration")
    func durationSpike() {
        var h = EngineHarness(rules: ["flue-gas-fouling"])
        h.feed("flue_gas_temperature", 60, hours: 0)
        h.feed("flue_gas_temperature", 95, hours: 0.1)
        h.feed("flue_gas_temperature", 60, hours: 0.2)
        h.feed("flue_gas_temperature", 95, hours: 1.9)
        h.feed("flue_gas_temperature", 95, hours: 3.8)
        #expect(h.orders.isEmpty)
        h.feed("flue_gas_temperature", 95, hours: 3.95)
        #expect(h.orders.count == 1)
    }

    @Test("hysteresis: no re-firing until the clear level; a customer fault closes itself when it clears")
    func hysteresisAndCustomerResolution() {
        var h = EngineHarness(rules: ["low-pressure"])
        for (step, bar) in [1.5, 0.9, 1.1, 0.95, 1.15, 0.8].enumerated() { h.feed("water_pressure", bar, hours: Double(step)) }
        #expect(h.orders.count == 1)
        #expect(h.orders.first?.resolution == .customer)
        #expect(h.orders.first?.kit == nil)
        h.feed("water_pressure", 1.3, hours: 10)
        #expect(h.closed.map(\.id) == h.orders.map(\.id))
        #expect(h.closed.first?.status == .closed)
        #expect(h.closed.first?.statusAt == EngineHarness.time(hours: 10))
        #expect(h.closed.first?.closedBy == WorkOrderClosure(cause: .faultCleared, action: .customerFix))
        #expect(h.events.map(\.action) == [.customerFix])
        #expect(h.events.first?.workOrder == h.orders.first?.id)
        h.feed("water_pressure", 0.9, hours: 11)
        #expect(h.orders.count == 2)
    }

    @Test("repeat counts: three E133 within 24 h, not within 30 h")
    func repeatCounts() {
        var h = EngineHarness(rules: ["ignition-failures"])
        h.feed("error_code", .label("E133"), hours: 0)
        h.feed("error_code", .label("none"), hours: 1)
        h.feed("error_code", .label("E133"), hours: 2)
        h.feed("error_code", .label("E133"), hours: 30)
        #expect(h.orders.isEmpty)
        h.feed("error_code", .label("E110"), hours: 31)
        h.feed("error_code", .label("E133"), hours: 40)
        #expect(h.orders.isEmpty)
        h.feed("error_code", .label("E133"), hours: 45)
        #expect(h.orders.count == 1)
        #expect(h.orders.first?.kit == "small")
        #expect(h.orders.first?.reason?.contains("3 times within 1 d") == true)
    }

    @Test("missing data: the timer fires on advance, at its deadline, once; data again clears it remotely")
    func missingData() {
        var h = EngineHarness(rules: ["silent"])
        h.feed("flow_temperature", 60, hours: 1)
        h.advance(hours: 6.9)
        #expect(h.orders.isEmpty)
        h.advance(hours: 7.5)
        h.advance(hours: 9)
        #expect(h.orders.count == 1)
        #expect(h.orders.first?.issuedAt == EngineHarness.time(hours: 7))
        #expect(h.orders.first?.resolution == .remote)
        h.feed("flow_temperature", 61, hours: 10)
        #expect(h.closed.count == 1)
        #expect(h.events.map(\.action) == [.remoteFix])
    }

    @Test("a reading after a silence fires the missed timer first, whether or not advance ran")
    func missingDataWithoutAdvance() {
        var h = EngineHarness(rules: ["silent"])
        h.feed("flow_temperature", 60, hours: 0)
        h.feed("flow_temperature", 60, hours: 8)
        #expect(h.orders.map(\.issuedAt) == [EngineHarness.time(hours: 6)])
        #expect(h.state.openWorkOrders.isEmpty)
    }

    @Test("missing data learns the device's own cadence: a daily reporter is silent after three days, not six hours; one outage does not widen it")
    func missingDataLearnsCadence() {
        var h = EngineHarness(rules: ["silent"])
        for day in 0..<10 { h.feed("flow_temperature", 60, hours: Double(day) * 24) }
        #expect(h.orders.count == 2, "before two gaps are known, the rule's 6 h apply: after days 0 and 1")
        h.advance(hours: 9 * 24 + 71)
        #expect(h.orders.count == 2)
        h.advance(hours: 9 * 24 + 73)
        #expect(h.orders.count == 3)
        #expect(h.orders.last?.issuedAt == EngineHarness.time(hours: 12 * 24))
        #expect(h.orders.last?.reason?.contains("for 3 d") == true)
        // Back after a 5-day outage: the usual gap stays a day, so the next silence counts 3 days again.
        h.feed("flow_temperature", 60, hours: 14 * 24)
        h.advance(hours: 17 * 24 + 1)
        #expect(h.orders.count == 4)
        #expect(h.orders.last?.issuedAt == EngineHarness.time(hours: 17 * 24))
    }

    @Test("counter since service: fires at the alert, a service report closes the order and restarts the count")
    func counterReset() throws {
        var h = EngineHarness(rules: ["burner-hours"])
        h.feed("burner_hours", 100, hours: 0)
        h.feed("burner_hours", 5500, hours: 1)
        #expect(h.orders.isEmpty)
        h.feed("burner_hours", 5700, hours: 2)
        let order = try #require(h.orders.first)
        #expect(order.priority == .alert)
        let output = h.service(order, hours: 3)
        #expect(output.closedOrders == [order.with(status: .closed, at: EngineHarness.time(hours: 3),
                                                   closedBy: WorkOrderClosure(cause: .serviceReport, action: .kitUsed))])
        #expect(output.serviceEvents.first?.kit == "medium")
        #expect(h.state.openWorkOrders.isEmpty)
        h.feed("burner_hours", 11_100, hours: 4)
        #expect(h.orders.count == 1)
        h.feed("burner_hours", 11_300, hours: 5)
        #expect(h.orders.count == 2)
        #expect(h.service(order, hours: 6).disposition == .duplicate)
    }

    @Test("closed orders are remembered by number, the latest eight, and a report naming one of them is a duplicate")
    func closedOrdersRemembered() {
        var h = EngineHarness(rules: ["burner-hours"])
        h.feed("burner_hours", 0, hours: 0)
        for cycle in 1 ... 10 {
            h.feed("burner_hours", Double(cycle) * 6_000, hours: Double(cycle) * 10)
            #expect(h.orders.count == cycle)
            h.service(h.orders.last, hours: Double(cycle) * 10 + 1)
        }
        #expect(h.orders.count == 10)
        let ids = h.orders.map(\.id)
        #expect(h.state.closedWorkOrderIDs == Array(ids.suffix(8)))
        #expect(h.state.knowsWorkOrder(ids[9]) && h.state.knowsWorkOrder(ids[2]))
        #expect(!h.state.knowsWorkOrder(ids[1]))
        #expect(h.service(h.orders[9], hours: 200).disposition == .duplicate)
        #expect(!h.state.knowsWorkOrder(ids[9].replacingOccurrences(of: "boiler/", with: "speedgate/")))
    }

    /// Burner hours (alert) and an instant flue-gas threshold, both serviced with the medium kit.
    private static func sameComponent() -> EngineHarness {
        EngineHarness(rules: ["burner-hours", "flue-gas-fouling"]) { $0.condition = $0.id == "flue-gas-fouling" ? .threshold(Threshold(direction: .above, alert: Quantity(75, .degreeCelsius), alarm: Quantity(85, .degreeCelsius), clear: Quantity(70, .degreeCelsius))) : $0.condition }
    }

    @Test("deduplicated while open: a second alert for the same component is suppressed")
    func dedupWhileOpen() throws {
        var h = Self.sameComponent()
        h.feed("burner_hours", 0, hours: 0)
        h.feed("burner_hours", 6000, hours: 1)
        h.feed("flue_gas_temperature", 80, hours: 2)
        #expect(h.orders.count == 1)
        #expect(h.suppressed == 1)
        #expect(h.escalated.isEmpty)
        h.service(h.orders.first, hours: 3)
        h.feed("flue_gas_temperature", 90, hours: 4)
        #expect(h.orders.count == 2)
        #expect(h.orders.last?.rule == "flue-gas-fouling")
    }

    @Test("an alarm on a component whose alert order is open raises that order to alarm, due within the alarm lead")
    func escalation() throws {
        var h = Self.sameComponent()
        h.feed("burner_hours", 0, hours: 0)
        h.feed("burner_hours", 6000, hours: 1)
        let alert = try #require(h.orders.first)
        #expect(alert.priority == .alert)
        h.feed("flue_gas_temperature", 90, hours: 2)
        #expect(h.orders == [alert], "no second order for the same component")
        let raised = try #require(h.escalated.first)
        #expect(h.escalated.count == 1)
        #expect(raised.id == alert.id && raised.kit == alert.kit && raised.rule == alert.rule)
        #expect(raised.priority == .alarm)
        #expect(raised.status == .escalated && raised.statusAt == EngineHarness.time(hours: 2) && raised.issuedAt == alert.issuedAt)
        let (raisedDue, alertDue) = (try #require(raised.due), try #require(alert.due))
        #expect(raisedDue <= EngineHarness.time(hours: 2).addingTimeInterval(2 * 86_400))
        #expect(raisedDue <= alertDue)
        #expect(raised.reason?.hasPrefix("flue-gas-fouling: ") == true)
        #expect(h.state.openWorkOrders == [raised])
        h.feed("flue_gas_temperature", 91, hours: 3)
        #expect(h.escalated.count == 1, "an alarm order is not raised again")
        #expect(h.service(raised, hours: 4).closedOrders.map(\.status) == [.closed])
    }

    @Test("rate of change: a pressure drop of 0.5 bar within 24 h asks for a remote check")
    func rateOfChange() {
        var h = EngineHarness(rules: ["pressure-drop"])
        h.feed("water_pressure", 1.8, hours: 0)
        h.feed("water_pressure", 1.6, hours: 10)
        h.feed("water_pressure", 1.5, hours: 40)
        #expect(h.orders.isEmpty)
        h.feed("water_pressure", 0.95, hours: 50)
        #expect(h.orders.count == 1)
        #expect(h.orders.first?.resolution == .remote)
        #expect(h.orders.first?.reason?.contains("fell 0.55 bar") == true)
    }

    @Test("order is kept per metric: a container's access event arriving after a newer fill reading still counts")
    func perMetricOrder() {
        var h = EngineHarness(kind: "underground-container")
        #expect(h.feed("fill_level", 40, hours: 1).disposition == .accepted)
        #expect(h.feed("chip_access", 1, hours: 0.9).disposition == .accepted)
        #expect(h.feed("chip_access", 1, hours: 0.8).disposition == .stale)
        #expect(h.feed("fill_level", 40, hours: 0.95).disposition == .stale)
        #expect(h.state.watermark == EngineHarness.time(hours: 1))
        #expect(h.state.counts.accepted == 2 && h.state.counts.stale == 2)
    }

    @Test("stale and duplicate readings are counted and ignored")
    func staleAndDuplicate() {
        var h = EngineHarness(rules: ["low-pressure"])
        #expect(h.feed("water_pressure", 1.5, hours: 2).disposition == .accepted)
        #expect(h.feed("water_pressure", 0.5, hours: 1).disposition == .stale)
        #expect(h.feed("water_pressure", 0.5, hours: 2).disposition == .duplicate)
        #expect(h.feed("toaster", 1, hours: 3).disposition == .unknownMetric)
        #expect(h.orders.isEmpty)
        #expect(h.state.counts.stale == 1 && h.state.counts.duplicate == 1 && h.state.counts.unknownMetric == 1)
    }

    @Test("a reading whose schema index is another profile's is still judged as the metric it names")
    func foreignSchemaIndex() {
        var h = EngineHarness(rules: ["low-pressure"])
        for (index, hours) in [(0, 1.0), (999, 2.0), (nil, 3.0)] {
            let reading = Reading(device: "d1", kind: "boiler", metric: "water_pressure", time: EngineHarness.time(hours: hours), value: .number(0.4),
                                  schemaIndex: index)
            #expect(h.engine.process(reading, state: &h.state).disposition == .accepted)
        }
        #expect(h.state.counts.accepted == 3 && h.state.counts.unknownMetric == 0)
        let pressure = h.engine.metricIDs.firstIndex(of: "water_pressure")
        #expect(pressure.map { h.state.metrics[$0].lastValue } == 0.4)
        #expect(h.state.metrics.indices.filter { $0 != pressure }.allSatisfy { h.state.metrics[$0].lastSeen == nil })
    }
}
