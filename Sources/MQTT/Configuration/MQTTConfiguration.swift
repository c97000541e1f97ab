import Foundation

/// Everything needed to open one client connection. Defaults suit a daemon on a LAN broker.
public struct MQTTConfiguration: Sendable {
    public var broker: BrokerURL
    /// Required for a persistent session, so the broker can find the session again after a restart.
    public var clientID: String
    public var username: String?
    public var password: Secret?
    public var tls: TLSConfiguration?
    public var protocolVersion: MQTTProtocolVersion = .v311
    public var keepAliveSeconds: Int = 30
    /// `false` asks the broker to keep our subscriptions and queue QoS 1/2 messages while we are away.
    public var cleanSession: Bool = true
    public var connectTimeout: Duration = .seconds(5)
    /// Reconnect waits start at the first value and double up to the second.
    public var reconnectDelay: (initial: Duration, maximum: Duration) = (.seconds(1), .seconds(30))
    /// How many received messages may wait for the consumer; beyond that they are dropped and counted.
    public var receiveBufferCapacity: Int = 65_536
    public var maxInflightMessages: Int = 100

    public init(broker: BrokerURL, clientID: String = MQTTConfiguration.uniqueClientID()) {
        self.broker = broker
        self.clientID = clientID
        self.username = broker.username
        if broker.usesTLS {
            tls = TLSConfiguration(caFile: "/etc/ssl/certs/ca-certificates.crt")
        }
    }

    /// A client id unique to this process, for clean sessions where nobody needs to find us again.
    public static func uniqueClientID(prefix: String = "fleetprint") -> String {
        "\(prefix)-\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))"
    }
}
