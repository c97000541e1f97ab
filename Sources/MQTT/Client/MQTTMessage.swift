/// One received message, copied out of libmosquitto's buffer inside the callback so it outlives it.
public struct MQTTMessage: Sendable, Equatable {
    public var topic: String
    public var payload: [UInt8]
    public var qos: QoS
    public var retain: Bool

    public init(topic: String, payload: [UInt8], qos: QoS = .atMostOnce, retain: Bool = false) {
        self.topic = topic
        self.payload = payload
        self.qos = qos
        self.retain = retain
    }

    /// The payload as text when it is valid UTF-8.
    public var payloadText: String? { String(validating: payload, as: UTF8.self) }
}
