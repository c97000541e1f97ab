import FleetModel
import Foundation
import Simulation
import Telemetry
import Testing

@Suite("The fleet simulator on the shipped profiles")
struct FleetSimulatorTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func library() throws -> ProfileLibrary {
        try ProfileLibrary.load(profiles: [repository.appendingPathComponent("DeviceProfiles")],
                                factorSet: .shipped(root: repository))
    }

    static func messages(_ settings: SimulationSettings) throws -> [SimulatedMessage] {
        var simulator = try FleetSimulator(library: try library(), settings: settings)
        var out: [SimulatedMessage] = []
        while let message = simulator.next() { out.append(message) }
        return out
    }

    static let mixed = SimulationSettings(fleet: FleetSpec(["boiler": 3, "ebike-battery": 3, "speedgate": 2, "facade": 2, "underground-container": 2]),
                                          years: 3, period: 86_400, seed: 11)

    @Test("the same seed gives the same messages, another seed others")
    func deterministic() throws {
        let first = try Self.messages(Self.mixed)
        #expect(!first.isEmpty)
        #expect(first == (try Self.messages(Self.mixed)))
        var other = Self.mixed
        other.seed = 12
        #expect(first != (try Self.messages(other)))
    }

    @Test("commissioned over a day, every device speaks on the first day; over the default year, some only months later")
    func commissioningSpread() throws {
        func firstMessages(_ spread: TimeInterval) throws -> [String: Int64] {
            var settings = Self.mixed
            settings.years = 1
            settings.commissioningSpread = spread
            var first: [String: Int64] = [:]
            for case .telemetry(let time, let topic, _) in try Self.messages(settings) where first[topic] == nil { first[topic] = time }
            return first
        }
        let start = Int64(SimulationSettings.defaultStart.timeIntervalSince1970)
        let quick = try firstMessages(86_400)
        #expect(quick.count >= 12)
        #expect(quick.values.allSatisfy { $0 - start <= 2 * 86_400 }, "\(quick.values.map { ($0 - start) / 3600 })")
        let gradual = try firstMessages(SimulationSettings.defaultCommissioningSpread)
        #expect(gradual.values.contains { $0 - start > 30 * 86_400 })
    }

    @Test("messages come in event-time order, and every telemetry payload decodes on its own topic")
    func decodable() throws {
        let library = try Self.library()
        let router = TopicRouter(library: library)
        let decoder = TelemetryDecoder(library: library)
        var last = Int64.min
        for message in try Self.messages(Self.mixed) {
            #expect(message.time >= last)
            last = message.time
            guard case .telemetry(_, let topic, let payload) = message else { continue }
            #expect(router.route(topic) != nil)
            #expect(throws: Never.self) { _ = try decoder.decode(topic: topic, payload: payload) }
        }
    }

    @Test("an order escalated while its technician is still planned is carried out once, by its new due date")
    func escalatedOrderOnce() throws {
        let settings = SimulationSettings(fleet: FleetSpec(["boiler": 1]), years: 1, period: 86_400, seed: 3, mode: .cbm)
        var simulator = try FleetSimulator(library: try Self.library(), settings: settings)
        let next = simulator.next()
        let first = try #require(next)
        let issued = Date(timeIntervalSince1970: Double(first.time))
        var order = WorkOrder(id: "boiler/boiler-00001/1", device: "boiler-00001", kind: "boiler", rule: "burner-hours", issuedAt: issued,
                              priority: .alert, kit: "medium", resolution: .technician, due: issued.addingTimeInterval(60 * 86_400))
        simulator.accept(order)
        order.priority = .alarm
        order.due = issued.addingTimeInterval(2 * 86_400)
        simulator.accept(order)
        var visits: [ServiceEvent] = []
        while let message = simulator.next() {
            if case .service(let event) = message, event.workOrder == order.id { visits.append(event) }
        }
        #expect(visits.count == 1)
        #expect(visits.first.map { $0.time <= order.due! } == true)
    }

    @Test("running ahead of feedback: events at the limit wait, and a job waits until orders are settled")
    func holdsForFeedback() throws {
        let settings = SimulationSettings(fleet: FleetSpec(["boiler": 1]), years: 1, period: 86_400, seed: 3, mode: .cbm)
        var simulator = try FleetSimulator(library: try Self.library(), settings: settings)
        guard case .message(let first) = simulator.next(before: .max, ordersSettled: true) else { Issue.record("no first message"); return }
        #expect(simulator.next(before: first.time + 1, ordersSettled: true) == .waiting, "the next sample is a day later")
        let issued = Date(timeIntervalSince1970: Double(first.time))
        let order = WorkOrder(id: "boiler/boiler-00001/1", device: "boiler-00001", kind: "boiler", rule: "burner-hours", issuedAt: issued,
                              priority: .alarm, kit: "medium", resolution: .technician, due: issued.addingTimeInterval(3 * 86_400))
        simulator.accept(order, after: simulator.stamp)
        var step = simulator.next(before: .max, ordersSettled: false)
        while case .message(let message) = step {
            if case .service = message { Issue.record("a job ran while orders were unsettled") }
            step = simulator.next(before: .max, ordersSettled: false)
        }
        #expect(step == .waiting)
        #expect(simulator.now < first.time + 3 * 86_400)
        guard case .message(.service(let visit)) = simulator.next(before: .max, ordersSettled: true) else { Issue.record("the job did not run once settled"); return }
        #expect(visit.workOrder == order.id)
        #expect(visit.time >= issued.addingTimeInterval(Double(FleetSimulator.orderLead)))
    }
}
