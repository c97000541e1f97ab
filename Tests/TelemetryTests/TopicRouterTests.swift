import FleetModel
import FleetprintTestSupport
import Telemetry
import Testing

@Suite("Topic router")
struct TopicRouterTests {
    let router = TopicRouter(library: ShippedProfiles.library)

    @Test("topics of every shipped template route to kind and device")
    func routes() {
        #expect(router.route("devices/boiler/b-17/telemetry") == DeviceAddress(kind: "boiler", device: "b-17"))
        #expect(router.route("buildings/north/facade/el-3") == DeviceAddress(kind: "facade", device: "el-3"))
        #expect(router.route("containers/c9/access") == DeviceAddress(kind: "underground-container", device: "c9"))
        #expect(router.route("gates/g1/status") == DeviceAddress(kind: "speedgate", device: "g1"))
    }

    @Test("unknown, too short, too long or empty-device topics do not route",
          arguments: ["devices/boiler//telemetry", "devices/boiler/b1", "devices/boiler/b1/telemetry/x", "fleetprint/x", "", "/", "gates/g1/status/"])
    func rejects(topic: String) {
        #expect(router.route(topic) == nil)
    }

    @Test("subscription filters replace {device} with +, one per template")
    func filters() {
        #expect(router.subscriptions.contains("devices/boiler/+/telemetry"))
        #expect(router.subscriptions.contains("buildings/+/facade/+"))
        #expect(router.subscriptions.count == ShippedProfiles.library.profiles.map(\.telemetry.topics.count).reduce(0, +))
    }

    @Test("a simulator topic routes back to its device")
    func simulatorTopic() {
        let address = DeviceAddress(kind: "facade", device: "e/1".replacingOccurrences(of: "/", with: "-"))
        #expect(router.topic(for: address, level: "b7").flatMap(router.route) == address)
    }
}
