import CMosquitto

/// The MQTT protocol spoken to the broker; libmosquitto 2.0 speaks both.
public enum MQTTProtocolVersion: String, Sendable, CaseIterable {
    case v311 = "3.1.1"
    case v5 = "5"

    var mosquittoValue: Int32 {
        switch self {
        case .v311: Int32(MQTT_PROTOCOL_V311)
        case .v5: Int32(MQTT_PROTOCOL_V5)
        }
    }
}
