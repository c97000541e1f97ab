import FleetModel
import Foundation
import Telemetry

/// Routes and parses received messages: telemetry by the profiles' topics and payload codecs,
/// service reports on `fleetprint/service/<kind>/<device>`. Pure and shared read-only, so the
/// closed loop parses on the simulator's thread while the pipeline's thread runs the rules
/// (which also judge a service report's kind and kit, against the engine's profile).
public struct MessageParser: Sendable {
    public let decoder: TelemetryDecoder

    public init(library: ProfileLibrary, limits: DecodeLimits = DecodeLimits()) {
        decoder = TelemetryDecoder(library: library, limits: limits)
    }

    /// Parses a message. `routed` is its topic's address when `address(of:)` has routed it
    /// already (`.some(nil)`: to no device), so the topic is not matched again.
    public func parse(topic: String, payload: [UInt8], routed: DeviceAddress?? = nil) -> ParsedMessage {
        ParsedMessage(topic: topic, payload: payload, content: content(topic: topic, payload: payload, routed: routed))
    }

    /// The device a topic names, from the topic alone (telemetry by the profiles' templates,
    /// service reports by their topic); nil when it names none. Cheap: no payload is looked at.
    public func address(of topic: String) -> DeviceAddress? {
        guard topic.hasPrefix(OutputTopics.serviceReportPrefix) else { return decoder.router.route(topic) }
        return serviceAddress(of: topic)
    }

    private func serviceAddress(of topic: String) -> DeviceAddress? {
        let parts = topic.dropFirst(OutputTopics.serviceReportPrefix.count).split(separator: "/", omittingEmptySubsequences: false)
        return parts.count == 2 ? DeviceAddress(kind: String(parts[0]), device: String(parts[1])) : nil
    }

    /// `routed` is the topic's address when it was routed already (`.some(nil)`: it names no device).
    private func content(topic: String, payload: [UInt8], routed: DeviceAddress??) -> ParsedContent {
        guard topic.hasPrefix(OutputTopics.serviceReportPrefix) else {
            do {
                if case .some(.some(let address)) = routed { return .telemetry(try decoder.parse(payload, at: address)) }
                return .telemetry(try decoder.parse(topic: topic, payload: payload))
            } catch {
                return .rejected(error)
            }
        }
        guard let address = routed ?? serviceAddress(of: topic) else {
            return .badServiceReport(detail: "expected fleetprint/service/<kind>/<device>", field: nil)
        }
        do {
            return .serviceReport(kind: address.kind, device: address.device, try JSONDecoder().decode(ServiceReport.self, from: Data(payload)))
        } catch {
            return .badServiceReport(detail: "\(error)", field: nil)
        }
    }
}
