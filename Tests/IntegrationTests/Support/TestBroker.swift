import FleetprintRuntime
import Foundation

/// Starts a private mosquitto from the repository's template for one test.
enum TestBroker {
    static func started(extraConfiguration: String = "", port: Int? = nil) throws -> LocalBroker {
        let broker = try LocalBroker(template: RepositoryPaths.brokerTemplate, port: port, extraConfiguration: extraConfiguration)
        try broker.start()
        return broker
    }

    /// A broker with a second listener that takes no anonymous clients, only `users` (name to
    /// password, written with mosquitto_passwd into `directory`); returns it and that listener's URL.
    static func withPasswords(_ users: [String: String], in directory: URL) throws -> (broker: LocalBroker, url: String) {
        let passwordFile = directory.appendingPathComponent("passwd").path
        for (index, (user, password)) in users.sorted(by: { $0.key < $1.key }).enumerated() {
            try Shell.run("mosquitto_passwd", ["-b"] + (index == 0 ? ["-c"] : []) + [passwordFile, user, password])
        }
        let port = try FreePort.loopback()
        let broker = try started(extraConfiguration: """
            listener \(port) 127.0.0.1
            allow_anonymous false
            password_file \(passwordFile)
            """)
        return (broker, "mqtt://127.0.0.1:\(port)")
    }
}
