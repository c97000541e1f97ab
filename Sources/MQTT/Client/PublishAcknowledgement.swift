/// What the broker answered to a QoS 1/2 publish.
public enum PublishAcknowledgement: Sendable, Equatable {
    case accepted
    /// MQTT 5 only: the broker refused it (`not authorized`, say: an ACL). With MQTT 3.1.1 a
    /// broker cannot say so; mosquitto then acknowledges and drops the message silently.
    case refused(reason: String)
}
