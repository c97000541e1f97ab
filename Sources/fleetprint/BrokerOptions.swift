import ArgumentParser
import FleetprintRuntime

/// The broker options every command that talks MQTT shares, so they read the same everywhere;
/// `run` takes the same but for its repeatable `--broker` and its always persistent session.
struct BrokerOptions: ParsableArguments {
    @Option(name: .customLong("broker"), help: ArgumentHelp("Broker URL: mqtt://host:port, or mqtts://host:port for TLS.", valueName: "url"))
    var url: String = BrokerSettings.defaultURL

    @OptionGroup var connection: BrokerConnectionOptions

    @Flag(name: .customLong("persistent-session"), help: "Ask the broker to keep subscriptions and queue messages while away (needs --client-id).")
    var persistentSession = false

    var settings: BrokerSettings {
        var settings = connection.settings(url: url)
        settings.persistentSession = persistentSession
        return settings
    }
}
