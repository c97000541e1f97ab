import MQTT

/// How to reach a broker, as a user gives it on the command line or in a config file.
/// Turned into an `MQTTConfiguration` only when a command connects, so errors name the option.
public struct BrokerSettings: Sendable {
    public var url: String
    public var username: String?
    public var passwordEnvironmentVariable: String?
    public var passwordFile: String?
    public var caFile: String?
    public var certificateFile: String?
    public var keyFile: String?
    public var clientID: String?
    public var protocolVersion: String
    public var keepAliveSeconds: Int
    public var persistentSession: Bool
    public var connectTimeoutSeconds: Double

    public static let defaultURL = "mqtt://127.0.0.1:1883"
    public static let defaultKeepAliveSeconds = 30
    public static let defaultConnectTimeoutSeconds = 5.0

    public init(
        url: String = BrokerSettings.defaultURL, username: String? = nil,
        passwordEnvironmentVariable: String? = nil, passwordFile: String? = nil,
        caFile: String? = nil, certificateFile: String? = nil, keyFile: String? = nil,
        clientID: String? = nil, protocolVersion: String = "3.1.1", keepAliveSeconds: Int = BrokerSettings.defaultKeepAliveSeconds,
        persistentSession: Bool = false, connectTimeoutSeconds: Double = BrokerSettings.defaultConnectTimeoutSeconds
    ) {
        self.url = url
        self.username = username
        self.passwordEnvironmentVariable = passwordEnvironmentVariable
        self.passwordFile = passwordFile
        self.caFile = caFile
        self.certificateFile = certificateFile
        self.keyFile = keyFile
        self.clientID = clientID
        self.protocolVersion = protocolVersion
        self.keepAliveSeconds = keepAliveSeconds
        self.persistentSession = persistentSession
        self.connectTimeoutSeconds = connectTimeoutSeconds
    }

    public func mqttConfiguration(clientIDPrefix: String = "fleetprint") throws -> MQTTConfiguration {
        let broker = try BrokerURL(parsing: url)
        if persistentSession && clientID == nil {
            throw BrokerSettingsError("--persistent-session needs --client-id, so the broker can find the session again")
        }
        guard let version = MQTTProtocolVersion(rawValue: protocolVersion) else {
            throw BrokerSettingsError("--mqtt-version must be 3.1.1 or 5, not '\(protocolVersion)'")
        }
        if passwordEnvironmentVariable != nil && passwordFile != nil {
            throw BrokerSettingsError("give either --password-env or --password-file, not both")
        }
        if (certificateFile == nil) != (keyFile == nil) {
            throw BrokerSettingsError("--cert and --key go together")
        }
        var configuration = MQTTConfiguration(
            broker: broker,
            clientID: clientID ?? MQTTConfiguration.uniqueClientID(prefix: clientIDPrefix)
        )
        configuration.username = username ?? broker.username
        configuration.password = try passwordEnvironmentVariable.map(Secret.fromEnvironment) ?? passwordFile.map(Secret.fromFile)
        if broker.usesTLS {
            configuration.tls = TLSConfiguration(
                caFile: caFile ?? configuration.tls?.caFile ?? "/etc/ssl/certs/ca-certificates.crt",
                certificateFile: certificateFile,
                keyFile: keyFile
            )
        } else if caFile != nil || certificateFile != nil {
            throw BrokerSettingsError("--cafile, --cert and --key need an mqtts:// broker URL")
        }
        configuration.protocolVersion = version
        configuration.keepAliveSeconds = keepAliveSeconds
        configuration.cleanSession = !persistentSession
        configuration.connectTimeout = .milliseconds(Int(connectTimeoutSeconds * 1000))
        return configuration
    }
}
