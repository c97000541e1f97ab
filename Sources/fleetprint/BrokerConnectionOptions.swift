import ArgumentParser
import FleetprintRuntime

/// How a command connects to a broker, whatever its URL: who it is, how it checks the broker, its
/// client id and timing. Shared by the broker commands (`BrokerOptions`) and by `run`, which
/// applies them to its `--broker` URLs. Every option is optional, so `run` can tell what was
/// given from what a configuration file's broker would otherwise keep.
struct BrokerConnectionOptions: ParsableArguments {
    @Option(help: "User name (or put it in the URL: mqtt://user@host).")
    var username: String?

    @Option(name: .customLong("password-env"), help: ArgumentHelp("Read the password from this environment variable.", valueName: "name"))
    var passwordEnvironmentVariable: String?

    @Option(name: .customLong("password-file"), help: ArgumentHelp("Read the password from the first line of this file.", valueName: "path"))
    var passwordFile: String?

    @Option(name: .customLong("cafile"), help: ArgumentHelp("CA certificate (PEM) that signed the broker's certificate; mqtts:// only.", valueName: "path"))
    var caFile: String?

    @Option(name: .customLong("cert"), help: ArgumentHelp("Client certificate (PEM), for brokers that require one.", valueName: "path"))
    var certificateFile: String?

    @Option(name: .customLong("key"), help: ArgumentHelp("Private key (PEM) of --cert.", valueName: "path"))
    var keyFile: String?

    @Option(name: .customLong("client-id"), help: ArgumentHelp("MQTT client id (default: unique per process; fleetprint-<instance> for run).", valueName: "id"))
    var clientID: String?

    @Option(help: ArgumentHelp("Keepalive interval in seconds (default: \(BrokerSettings.defaultKeepAliveSeconds)).", valueName: "seconds"))
    var keepalive: Int?

    @Option(name: .customLong("connect-timeout"), help: ArgumentHelp("Seconds to wait for the broker to accept the connection (default: \(Int(BrokerSettings.defaultConnectTimeoutSeconds))).", valueName: "seconds"))
    var connectTimeout: Double?

    @Option(name: .customLong("mqtt-version"), help: "MQTT protocol: 3.1.1 (default) or 5.")
    var protocolVersion: String?

    /// Whether any of them was given.
    var isSet: Bool {
        [username, passwordEnvironmentVariable, passwordFile, caFile, certificateFile, keyFile, clientID, protocolVersion].contains { $0 != nil }
            || keepalive != nil || connectTimeout != nil
    }

    func validate() throws {
        if let protocolVersion, !["3.1.1", "5"].contains(protocolVersion) {
            throw ValidationError("--mqtt-version must be 3.1.1 or 5, got '\(protocolVersion)'")
        }
    }

    /// The connection to `url` with these options, the defaults where none was given.
    func settings(url: String) -> BrokerSettings {
        BrokerSettings(
            url: url, username: username,
            passwordEnvironmentVariable: passwordEnvironmentVariable, passwordFile: passwordFile,
            caFile: caFile, certificateFile: certificateFile, keyFile: keyFile,
            clientID: clientID, protocolVersion: protocolVersion ?? "3.1.1",
            keepAliveSeconds: keepalive ?? BrokerSettings.defaultKeepAliveSeconds,
            connectTimeoutSeconds: connectTimeout ?? BrokerSettings.defaultConnectTimeoutSeconds
        )
    }
}
