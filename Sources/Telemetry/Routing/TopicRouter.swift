import FleetModel

/// Maps an incoming topic to the kind and device it belongs to, from the loaded profiles'
/// topic templates only: a new kind is routed by dropping in its YAML file.
public struct TopicRouter: Sendable {
    public let templates: [TopicTemplate]

    public init(profiles: [DeviceProfile]) {
        templates = profiles.flatMap { profile in profile.telemetry.topics.map { TopicTemplate(kind: profile.kind, template: $0) } }
    }

    public init(library: ProfileLibrary) {
        self.init(profiles: library.profiles)
    }

    /// The MQTT filters to subscribe to, one per template, without duplicates, in profile order.
    public var subscriptions: [String] {
        var seen = Set<String>()
        return templates.map(\.filter).filter { seen.insert($0).inserted }
    }

    /// The first template that matches decides; nil for a topic no profile declares.
    public func route(_ topic: String) -> DeviceAddress? {
        for template in templates {
            if let device = template.device(in: topic) { return DeviceAddress(kind: template.kind, device: device) }
        }
        return nil
    }

    /// Where a device of `kind` publishes (its profile's first template), for the simulator.
    public func topic(for address: DeviceAddress, level: String = "0") -> String? {
        templates.first { $0.kind == address.kind }?.topic(device: address.device, level: level)
    }
}
