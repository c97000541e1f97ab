import FleetModel
import Foundation
import Pipeline
import Simulation

extension SimulatedMessage {
    /// The topic and payload as they go on the wire: telemetry as the simulator encoded it, a
    /// service report as the daemon reads it on `fleetprint/service/<kind>/<device>`.
    public var wire: (topic: String, payload: [UInt8]) {
        switch self {
        case .telemetry(_, let topic, let payload):
            return (topic, payload)
        case .service(let event):
            let report = ServiceReport(workOrder: event.workOrder, time: event.time, action: event.action, kit: event.kit,
                                       unplanned: event.workOrder == nil)
            let payload = (try? Self.encoder.encode(report)).map { [UInt8]($0) } ?? []
            return (OutputTopics.serviceReportPrefix + "\(event.kind)/\(event.device)", payload)
        }
    }

    /// Sorted keys: the same report gives the same bytes in every run.
    private static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}
