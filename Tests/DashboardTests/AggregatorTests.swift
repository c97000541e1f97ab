import Dashboard
import FleetModel
import Foundation
import Impact
import Testing

@Suite struct AggregatorTests {
    @Test func oneInstanceShowsItsOwnNumbers() throws {
        let summary = try DashboardFixtures.summaries()[0]
        var aggregator = SummaryAggregator()
        aggregator.receive(summary)
        let fleet = try #require(aggregator.aggregate.fleet)
        let climate = try #require(summary.impact.fleet.realised.category(FactorTable.climateChange))
        #expect(fleet.realised.climate?.delta == climate.delta)
        #expect(fleet.realised.climate?.relative == climate.relative)
        #expect(fleet.realised.euros == summary.impact.fleet.realised.euros)
        #expect(fleet.devices == 8)
        #expect(fleet.online == 5, "b-003 and b-004 were last heard more than a day of event time ago")
    }

    @Test func instancesAreSummedPerKindAndForTheFleet() throws {
        let summaries = try DashboardFixtures.summaries()
        var aggregator = SummaryAggregator()
        summaries.forEach { aggregator.receive($0) }
        let aggregate = aggregator.aggregate
        #expect(aggregate.instances == ["east", "west"])
        #expect(aggregate.fleet?.devices == 18)
        #expect(aggregate.kinds.map(\.name) == ["boiler", "ebike-battery", "facade", "speedgate", "underground-container"])
        #expect(aggregate.figures(of: "boiler")?.devices == 5)
        let deltas = summaries.compactMap { $0.impact.fleet.realised.category(FactorTable.climateChange)?.delta }
        let summed = try #require(aggregate.fleet?.realised.climate?.delta)
        #expect(abs(summed - deltas.reduce(0, +)) < 1e-9 * max(1, abs(summed)))
        #expect(aggregate.messagesPerSecond == summaries.map(\.messagesPerSecond).reduce(0, +))
        #expect(aggregate.counters.messages == 123_456 + 65_432)
        #expect(aggregate.openOrderCount == 5)
    }

    @Test func ordersAreMostUrgentFirst() throws {
        let aggregate = try DashboardFixtures.aggregate()
        #expect(aggregate.openOrders.map(\.id) == ["o-5", "o-2", "o-1", "o-4", "o-3"])
    }

    @Test func theLatestSummaryOfAnInstanceWins() throws {
        var aggregator = SummaryAggregator()
        var newer = try DashboardFixtures.summaries(at: 3)[0]
        newer.publishedAt = DashboardFixtures.start.addingTimeInterval(10)
        aggregator.receive(newer)
        aggregator.receive(try DashboardFixtures.summaries(at: 1)[0])
        #expect(aggregator.aggregate.eventTime == DashboardFixtures.years(3))
    }

    @Test func historyIsBoundedAndTheChartSpansTheWholeRun() throws {
        var aggregator = SummaryAggregator(rateLimit: 5, chartLimit: 8)
        var summary = try DashboardFixtures.summaries()[0]
        for step in 1...40 {
            summary.publishedAt = DashboardFixtures.start.addingTimeInterval(Double(step))
            summary.eventTime = DashboardFixtures.start.addingTimeInterval(Double(step) * 86_400)
            summary.messagesPerSecond = Double(step)
            aggregator.receive(summary)
        }
        #expect(aggregator.aggregate.rateHistory == [36, 37, 38, 39, 40])
        for scope in [nil, "boiler"] {
            let chart = aggregator.aggregate.chart(of: scope)
            #expect(chart.count <= 8 && chart.count >= 4)
            #expect(chart.last?.time == DashboardFixtures.start.addingTimeInterval(40 * 86_400))
            #expect(chart.map(\.time) == chart.map(\.time).sorted())
        }
        let fleet = aggregator.aggregate.chart(of: nil).last?.kilograms
        let boiler = aggregator.aggregate.chart(of: "boiler").last?.kilograms
        #expect(fleet == aggregator.aggregate.fleet?.realised.climate?.delta)
        #expect(boiler == aggregator.aggregate.figures(of: "boiler")?.realised.climate?.delta && boiler != fleet, "each view charts its own")
    }
}
