import FleetModel

/// One thing the simulated fleet sends, in event time (whole seconds since 1970): device
/// telemetry as the profile's topic and payload, or a service report of the technician loop.
public enum SimulatedMessage: Sendable, Equatable {
    case telemetry(time: Int64, topic: String, payload: [UInt8])
    case service(ServiceEvent)

    public var time: Int64 {
        switch self {
        case .telemetry(let time, _, _): time
        case .service(let event): Int64(event.time.timeIntervalSince1970)
        }
    }
}
