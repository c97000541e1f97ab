import ArgumentParser
import FleetprintRuntime

/// The broker options every command that talks MQTT shares, so they read the same everywhere.
struct BrokerOptions: ParsableArguments {
    @Option(name: .customLong("broker"), help: ArgumentHelp("Broker URL: mqtt://host:port, or mqtts://host:port for TLS.", valueName: "url"))
    var url: String = BrokerSettings.defaultURL

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

    @Option(name: .customLong("client-id"), help: "MQTT client id (default: unique per process).")
    var clientID: String?

    @Option(name: .customLong("mqtt-version"), help: "MQTT protocol: 3.1.1 or 5.")
    var protocolVersion: String = "3.1.1"

    @Option(help: "Keepalive interval in seconds.")
    var keepalive: Int = 30

    @Flag(name: .customLong("persistent-session"), help: "Ask the broker to keep subscriptions and queue messages while away (needs --client-id).")
    var persistentSession = false

    @Option(name: .customLong("connect-timeout"), help: "Seconds to wait for the broker to accept the connection.")
    var connectTimeout: Double = 5

    var settings: BrokerSettings {
        BrokerSettings(
            url: url, username: username,
            passwordEnvironmentVariable: passwordEnvironmentVariable, passwordFile: passwordFile,
            caFile: caFile, certificateFile: certificateFile, keyFile: keyFile,
            clientID: clientID, protocolVersion: protocolVersion, keepAliveSeconds: keepalive,
            persistentSession: persistentSession, connectTimeoutSeconds: connectTimeout
        )
    }
}
