/// A topic filter (`+` and `#` wildcards allowed) and the QoS asked for it.
public struct TopicSubscription: Sendable, Equatable {
    public var filter: String
    public var qos: QoS

    public init(_ filter: String, qos: QoS = .atLeastOnce) {
        self.filter = filter
        self.qos = qos
    }
}
