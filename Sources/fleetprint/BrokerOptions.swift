import ArgumentParser
import FleetprintRuntime

/// The broker options every command that talks MQTT shares, so they read the same everywhere.
struct BrokerOptions: ParsableArguments {
    @Option(name: .customLong("broker"), help: ArgumentHelp("Broker URL: mqtt://host:port, or mqtts://host:port for TLS.", valueName: "url"))
    var url: String = BrokerSettings.defaultURL

    @OptionGroup var credentials: BrokerCredentials

    @Option(name: .customLong("cert"), help: ArgumentHelp("Client certificate (PEM), for brokers that require one.", valueName: "path"))
    var certificateFile: String?

    @Option(name: .customLong("key"), help: ArgumentHelp("Private key (PEM) of --cert.", valueName: "path"))
    var keyFile: String?

    @Option(name: .customLong("client-id"), help: "MQTT client id (default: unique per process).")
    var clientID: String?


    @Option(help: "Keepalive interval in seconds.")
    var keepalive: Int = 30

    @Flag(name: .customLong("persistent-session"), help: "Ask the broker to keep subscriptions and queue messages while away (needs --client-id).")
    var persistentSession = false

    @Option(name: .customLong("connect-timeout"), help: "Seconds to wait for the broker to accept the connection.")
    var connectTimeout: Double = 5

    var settings: BrokerSettings {
        BrokerSettings(
            url: url, username: credentials.username,
            passwordEnvironmentVariable: credentials.passwordEnvironmentVariable, passwordFile: credentials.passwordFile,
            caFile: credentials.caFile, certificateFile: certificateFile, keyFile: keyFile,
            clientID: clientID, protocolVersion: credentials.protocolVersion ?? "3.1.1", keepAliveSeconds: keepalive,
            persistentSession: persistentSession, connectTimeoutSeconds: connectTimeout
        )
    }
}
