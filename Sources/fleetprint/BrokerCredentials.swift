import ArgumentParser

/// Who a command is to a broker and how it checks the broker: shared by the broker commands
/// (`BrokerOptions`) and by `run`, which applies them to its `--broker` URLs.
struct BrokerCredentials: ParsableArguments {
    @Option(help: "User name (or put it in the URL: mqtt://user@host).")
    var username: String?

    @Option(name: .customLong("password-env"), help: ArgumentHelp("Read the password from this environment variable.", valueName: "name"))
    var passwordEnvironmentVariable: String?

    @Option(name: .customLong("password-file"), help: ArgumentHelp("Read the password from the first line of this file.", valueName: "path"))
    var passwordFile: String?

    @Option(name: .customLong("cafile"), help: ArgumentHelp("CA certificate (PEM) that signed the broker's certificate; mqtts:// only.", valueName: "path"))
    var caFile: String?

    @Option(name: .customLong("mqtt-version"), help: "MQTT protocol: 3.1.1 (default) or 5.")
    var protocolVersion: String?

    /// Whether any of them was given.
    var isSet: Bool { [username, passwordEnvironmentVariable, passwordFile, caFile, protocolVersion].contains { $0 != nil } }
}
