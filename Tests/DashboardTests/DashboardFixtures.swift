import Dashboard
import FleetModel
import Foundation
import Impact

/// Fixed daemon summaries priced with the shipped profiles and factors: two instances, five
/// kinds, open orders of both priorities, so every part of the screen has something to show.
enum DashboardFixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let snapshots = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")
    static let start = Date(timeIntervalSince1970: 1_767_225_600)

    static func library() throws -> ProfileLibrary {
        try ProfileLibrary.load(profiles: [root.appendingPathComponent("DeviceProfiles")],
                                factorSet: .shipped(root: root))
    }

    static func years(_ years: Double) -> Date { start.addingTimeInterval(years * 365.25 * 86_400) }

    /// Instance `west` runs boilers and e-bike batteries; `east` the other three kinds, plus a boiler.
    static func summaries(at age: Double = 3) throws -> [DaemonSummary] {
        let model = LedgerModel(library: try library())
        var west = ImpactLedger()
        var east = ImpactLedger()
        for index in 1...4 {
            let boiler = "b-00\(index)"
            west.commission(device: boiler, kind: "boiler", at: start)
            west.record(ServiceEvent(device: boiler, kind: "boiler", time: years(age / 2), action: .visit, kit: "medium"))
            west.record(ServiceEvent(device: boiler, kind: "boiler", time: years(age / 3), action: .remoteFix))
            west.receive(bytes: 300 * 105_000, device: DeviceIdentity(kind: "boiler", id: boiler), at: years(age - Double(index) * 0.001))
            west.commission(device: "e-00\(index)", kind: "ebike-battery", at: start)
            west.receive(bytes: 0, device: DeviceIdentity(kind: "ebike-battery", id: "e-00\(index)"), at: years(index == 4 ? age / 2 : age))
        }
        west.addCompute(cpuSeconds: 42)
        east.commission(device: "b-101", kind: "boiler", at: start)
        east.receive(bytes: 0, device: DeviceIdentity(kind: "boiler", id: "b-101"), at: years(age))
        for index in 1...3 {
            east.commission(device: "g-00\(index)", kind: "speedgate", at: start)
            east.record(ServiceEvent(device: "g-00\(index)", kind: "speedgate", time: years(age / 2), action: .customerFix))
            east.receive(bytes: 0, device: DeviceIdentity(kind: "speedgate", id: "g-00\(index)"), at: years(age))
            east.commission(device: "f-00\(index)", kind: "facade", at: start)
            east.receive(bytes: 0, device: DeviceIdentity(kind: "facade", id: "f-00\(index)"), at: years(age))
            east.commission(device: "u-00\(index)", kind: "underground-container", at: start)
            east.record(ServiceEvent(device: "u-00\(index)", kind: "underground-container", time: years(age / 2), action: .collection))
            east.receive(bytes: 0, device: DeviceIdentity(kind: "underground-container", id: "u-00\(index)"), at: years(age))
        }
        east.addCompute(cpuSeconds: 17.5)
        let orders = [
            order("o-1", "b-002", "boiler", "flue-gas-high", .alert, kit: "medium", due: years(age + 0.2), reason: "flue gas 92.1 degC over 90 degC"),
            order("o-2", "b-003", "boiler", "ionisation-low", .alarm, kit: "small", due: years(age + 0.05), reason: "ionisation 1.9 uA under 2 uA"),
            order("o-3", "e-004", "ebike-battery", "silent", .alert, kit: nil, due: nil, reason: "no message for 14 days"),
            order("o-4", "b-002", "boiler", "burner-hours", .alert, kit: "medium", due: years(age + 0.5), reason: "3120 burner hours since service"),
        ]
        let eastOrders = [
            order("o-5", "g-002", "speedgate", "motor-current", .alarm, kit: nil, due: years(age + 0.01), reason: "motor peak 9.8 A over 9 A"),
        ]
        var westCounters = PipelineCounters()
        westCounters.messages = 123_456
        westCounters.readings = 123_000
        westCounters.workOrdersIssued = 40
        westCounters.workOrdersClosed = 36
        westCounters.deadLetters = ["too-old": 3, "bad-json": 1]
        var eastCounters = PipelineCounters()
        eastCounters.messages = 65_432
        eastCounters.workOrdersIssued = 9
        eastCounters.workOrdersClosed = 8
        return [
            summary("west", west, model: model, age: age, rate: 250.5, counters: westCounters, orders: orders, cpu: 42),
            summary("east", east, model: model, age: age, rate: 120.25, counters: eastCounters, orders: eastOrders, cpu: 17.5),
        ]
    }

    static func aggregate(at ages: [Double] = [1, 2, 3]) throws -> FleetAggregate {
        var aggregator = SummaryAggregator()
        for (step, age) in ages.enumerated() {
            for var summary in try summaries(at: age) {
                summary.publishedAt = start.addingTimeInterval(Double(step))
                aggregator.receive(summary)
            }
        }
        return aggregator.aggregate
    }

    private static func summary(_ instance: String, _ ledger: ImpactLedger, model: LedgerModel, age: Double, rate: Double,
                                counters: PipelineCounters, orders: [WorkOrder], cpu: Double) -> DaemonSummary {
        DaemonSummary(instance: instance, publishedAt: start, eventTime: years(age), devices: ledger.devices.count, messagesPerSecond: rate * age,
                      counters: counters, openWorkOrders: orders, openWorkOrderCount: orders.count, cpuSeconds: cpu,
                      impact: model.summary(of: ledger), activity: KindActivity.of(ledger, at: years(age)))
    }

    /// Device details as the daemons `west` and `east` publish them: boilers in every state of
    /// health, an e-bike battery and a speedgate.
    static func devices() throws -> DeviceBook {
        let orders = try summaries().flatMap(\.openWorkOrders)
        var book = DeviceBook()
        let devices: [(String, String, String, Double, Double)] = [
            ("west", "boiler", "b-001", 0.82, 0.5), ("west", "boiler", "b-002", 0.35, 0.2), ("west", "boiler", "b-003", 0.1, 0.3),
            ("east", "boiler", "b-101", 1, 0), ("west", "ebike-battery", "e-004", 0.6, 0.1), ("east", "speedgate", "g-002", 0.0, 0.4),
        ]
        for (instance, kind, device, health, commissioned) in devices {
            let mine = orders.filter { $0.device == device }
            let detail = DeviceDetail(
                kind: kind, device: device, eventTime: years(3), commissioned: years(commissioned), lastSeen: years(3 - health / 100),
                lastService: kind == "boiler" ? years(1.5) : nil,
                readings: kind == "boiler" ? [DeviceReading(metric: "flue_gas_temperature", value: 71 + 20 * (1 - health), unit: "degC", time: years(3)),
                                              DeviceReading(metric: "water_pressure", value: 1.4, unit: "bar", time: years(3)),
                                              DeviceReading(metric: "burner_hours", value: 3120, unit: "hours", time: years(3))]
                    : [DeviceReading(metric: "state_of_health", value: 88, unit: "%", time: years(3))],
                rules: kind == "boiler" ? ["flue-gas-high": mine.isEmpty ? "armed" : "alert", "ionisation-low": "armed", "burner-hours": "armed"] : ["silent": "armed"],
                health: [ComponentHealth(component: kind == "boiler" ? "heat-exchanger" : "unit", health: health, worstRule: kind == "boiler" ? "flue-gas-high" : "silent")],
                openWorkOrders: mine, closedWorkOrders: device == "b-002" ? ["boiler/b-002/1", "boiler/b-002/2"] : [],
                counts: ["accepted": 3_000, "stale": 2, "duplicate": 1, "unknownMetric": 0, "suppressed": 4, "ordersIssued": mine.count + 2],
                serviceYears: 3 - commissioned, kits: kind == "boiler" ? ["medium": 1] : [:], visits: kind == "boiler" ? 1 : 0,
                remoteFixes: 1, customerFixes: 0, replacements: 0)
            book.receive(detail, instance: instance)
        }
        return book
    }

    private static func order(_ id: String, _ device: String, _ kind: String, _ rule: String, _ priority: WorkOrderPriority,
                              kit: String?, due: Date?, reason: String) -> WorkOrder {
        WorkOrder(id: id, device: device, kind: kind, rule: rule, issuedAt: years(1), priority: priority, kit: kit,
                  resolution: kit == nil ? .remote : .technician, reason: reason, due: due)
    }
}
