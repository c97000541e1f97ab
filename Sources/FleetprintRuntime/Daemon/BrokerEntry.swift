/// One broker the daemon subscribes to. Passwords come from the environment or a file, never
/// from the configuration itself.
public struct BrokerEntry: Sendable, Equatable, Codable {
    public var url: String
    public var username: String?
    public var passwordEnv: String?
    public var passwordFile: String?
    public var cafile: String?
    /// `3.1.1` (default) or `5`. With 5 the broker can say that it refused a publish (an ACL),
    /// which the daemon then counts and logs; with 3.1.1 mosquitto drops it silently.
    public var mqttVersion: String?

    public init(url: String, username: String? = nil, passwordEnv: String? = nil, passwordFile: String? = nil, cafile: String? = nil, mqttVersion: String? = nil) {
        self.url = url
        self.username = username
        self.passwordEnv = passwordEnv
        self.passwordFile = passwordFile
        self.cafile = cafile
        self.mqttVersion = mqttVersion
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case url, username, cafile
        case passwordEnv = "password_env"
        case passwordFile = "password_file"
        case mqttVersion = "mqtt_version"
    }
}

extension BrokerEntry {
    /// The connection settings this entry stands for.
    public var settings: BrokerSettings {
        BrokerSettings(url: url, username: username, passwordEnvironmentVariable: passwordEnv, passwordFile: passwordFile, caFile: cafile,
                       protocolVersion: mqttVersion ?? "3.1.1")
    }
}
