import FleetprintRuntime
import Foundation

/// Starts a private mosquitto from the repository's template for one test.
enum TestBroker {
    static func started(extraConfiguration: String = "", port: Int? = nil) throws -> LocalBroker {
        let broker = try LocalBroker(template: RepositoryPaths.brokerTemplate, port: port, extraConfiguration: extraConfiguration)
        try broker.start()
        return broker
    }
}
