import FleetModel
import Foundation
import Telemetry

/// Routes and parses received messages: telemetry by the profiles' topics and payload codecs,
/// service reports on `fleetprint/service/<kind>/<device>`. Pure and shared read-only, so the
/// closed loop parses on the simulator's thread while the pipeline's thread runs the rules.
public struct MessageParser: Sendable {
    public let decoder: TelemetryDecoder
    /// Kit ids by kind, to refuse a service report naming a kit its kind does not have.
    private let kits: [String: Set<String>]

    public init(library: ProfileLibrary, limits: DecodeLimits = DecodeLimits()) {
        decoder = TelemetryDecoder(library: library, limits: limits)
        kits = Dictionary(library.profiles.map { ($0.kind, Set($0.kits.map(\.id))) }, uniquingKeysWith: { first, _ in first })
    }

    public func parse(topic: String, payload: [UInt8]) -> ParsedMessage {
        ParsedMessage(topic: topic, payload: payload, content: content(topic: topic, payload: payload))
    }

    private func content(topic: String, payload: [UInt8]) -> ParsedContent {
        guard topic.hasPrefix(OutputTopics.serviceReportPrefix) else {
            do { return .telemetry(try decoder.parse(topic: topic, payload: payload)) } catch { return .rejected(error) }
        }
        let parts = topic.dropFirst(OutputTopics.serviceReportPrefix.count).split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let kits = kits[String(parts[0])] else {
            return .badServiceReport(detail: "expected fleetprint/service/<kind>/<device> with a known kind", field: nil)
        }
        let kind = String(parts[0]), device = String(parts[1])
        let report: ServiceReport
        do {
            report = try JSONDecoder().decode(ServiceReport.self, from: Data(payload))
        } catch {
            return .badServiceReport(detail: "\(error)", field: nil)
        }
        if let kit = report.kit, !kits.contains(kit) {
            return .badServiceReport(detail: "unknown kit '\(kit)' for kind \(kind)", field: "kit")
        }
        return .serviceReport(kind: kind, device: device, report)
    }
}
