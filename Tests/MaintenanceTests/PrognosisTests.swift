import FleetModel
import Foundation
import Maintenance
import Testing

@Suite("Health and prognosis")
struct PrognosisTests {
    @Test("a linear flue-gas rise gives the remaining life to the limit, and the trend rule orders before it")
    func linearTrend() throws {
        var h = EngineHarness(rules: ["flue-gas-trend"])
        // 60 degC rising 0.5 degC a day, hourly for 20 days: 70 degC now, 85 degC in 30 days.
        for hour in 0...480 { h.feed("flue_gas_temperature", 60 + 0.5 * Double(hour) / 24, hours: Double(hour)) }
        let prognosis = try #require(h.engine.prognoses(of: h.state).first { $0.metric == "flue_gas_temperature" })
        let life = try #require(prognosis.remainingLife)
        #expect(abs(life / 86_400 - 30) < 0.5)
        #expect(abs(prognosis.slope * 86_400 - 0.5) < 0.01)
        let order = try #require(h.orders.first)
        #expect(h.orders.count == 1)
        #expect(order.kit == "medium")
        // Fired as soon as the limit came within the 60-day horizon; due when the fit reaches the limit.
        let due = try #require(order.due)
        #expect(due > order.issuedAt.addingTimeInterval(40 * 86_400))
        #expect(due < EngineHarness.time(hours: 480).addingTimeInterval(31 * 86_400))
    }

    @Test("health falls from 1 at the clear level to 0 at the alarm level")
    func health() throws {
        var h = EngineHarness(rules: ["flue-gas-fouling", "burner-hours"])
        h.feed("flue_gas_temperature", 65, hours: 0)
        h.feed("burner_hours", 0, hours: 0)
        #expect(h.engine.health(of: h.state).map(\.health) == [1])
        h.feed("flue_gas_temperature", 80, hours: 1)
        let medium = try #require(h.engine.health(of: h.state).first)
        #expect(medium.component == "medium")
        #expect(abs(medium.health - 1.0 / 3) < 1e-9)
        #expect(medium.worstRule == "flue-gas-fouling")
    }
}
