import FleetModel
import Foundation
import Testing
@testable import FleetprintRuntime

@Suite("Daemon configuration")
struct DaemonConfigurationTests {
    private static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    private static func load(_ text: String) throws -> DaemonConfiguration {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("fleetprint-\(UUID().uuidString).yaml")
        defer { try? FileManager.default.removeItem(at: file) }
        try text.write(to: file, atomically: true, encoding: .utf8)
        return try DaemonConfiguration.load(file)
    }

    @Test("the shipped Config/fleetprint.yaml holds exactly the defaults")
    func shippedDefaults() throws {
        let shipped = try DaemonConfiguration.load(Self.repository.appendingPathComponent("Config/fleetprint.yaml"))
        #expect(shipped == DaemonConfiguration())
    }

    @Test("the state folder defaults to the first of STATE_DIRECTORY; a configured one wins")
    func stateDirectory() {
        var configuration = DaemonConfiguration()
        #expect(configuration.stateDirectory(environment: [:]) == "state")
        #expect(configuration.stateDirectory(environment: ["STATE_DIRECTORY": "/var/lib/fleetprint"]) == "/var/lib/fleetprint")
        #expect(configuration.stateDirectory(environment: ["STATE_DIRECTORY": "/var/lib/fleetprint:/var/lib/other"]) == "/var/lib/fleetprint")
        configuration.state = "/srv/fleetprint"
        #expect(configuration.stateDirectory(environment: ["STATE_DIRECTORY": "/var/lib/fleetprint"]) == "/srv/fleetprint")
    }

    @Test("fields override the defaults; the rest stay")
    func partial() throws {
        let configuration = try Self.load("""
            instance: site-a
            brokers:
              - url: mqtts://broker.example:8883
                username: fleet
                password_env: FLEET_PASSWORD
            summary_interval: 500 ms
            limits:
              max_payload: 1 kB
            """.replacingOccurrences(of: "500 ms", with: "1 min"))
        #expect(configuration.instance == "site-a")
        #expect(configuration.brokers == [BrokerEntry(url: "mqtts://broker.example:8883", username: "fleet", passwordEnv: "FLEET_PASSWORD")])
        #expect(configuration.summaryInterval == Quantity(1, .minute))
        #expect(configuration.limits.maxPayload == Quantity(1, .kilobyte))
        #expect(configuration.limits.maxAge == DaemonLimits().maxAge)
        #expect(configuration.checkpointInterval == DaemonConfiguration().checkpointInterval)
    }

    @Test("a quantity of the wrong dimension names the field and what was expected")
    func wrongUnit() {
        #expect {
            try Self.load("checkpoint_interval: 5 kg\n")
        } throws: { error in
            "\(error)".hasSuffix(": checkpoint_interval: expected a positive duration, got '5 kg'")
        }
    }

    @Test("a bare number where a quantity belongs is refused with its field")
    func bareNumber() {
        #expect {
            try Self.load("limits:\n  max_payload: 4096\n")
        } throws: { error in
            "\(error)".contains("limits.max_payload: ") && "\(error)".contains("expected a quantity such as")
        }
    }

    @Test("an empty broker list is refused")
    func noBrokers() {
        #expect {
            try Self.load("brokers: []\n")
        } throws: { error in
            "\(error)".hasSuffix(": brokers: expected at least one broker")
        }
    }

    @Test("an unknown field, at any depth, is an error with its file, line and path", arguments: [
        ("checkpoint_intervall: 5 s\n", ":1: checkpoint_intervall: unknown field"),
        ("instance: a\nlimits:\n  max_paylod: 1 kB\n", ":3: limits.max_paylod: unknown field"),
        ("brokers:\n  - url: mqtt://127.0.0.1:1883\n    password: hunter2\n", ":3: brokers[0].password: unknown field"),
        ("compute:\n  watts_per_core: 3 W\n", ":1: compute: unknown field"),
    ])
    func unknownField(text: String, expected: String) {
        #expect {
            try Self.load(text)
        } throws: { error in
            "\(error)".contains(expected) && "\(error)".contains("expected one of")
        }
    }

    @Test("a YAML syntax error names its line and column")
    func syntaxError() {
        #expect {
            try Self.load("limits:\n  max_payload: [1 kB\nstate: x\n")
        } throws: { error in
            "\(error)".contains(".yaml:3: not valid YAML at column ")
        }
    }

    @Test("an instance name that would change a topic's meaning is refused", arguments: ["a/b/#", "x+y", "", "site a"])
    func badInstance(name: String) {
        #expect {
            try Self.load("instance: \"\(name)\"\n")
        } throws: { error in
            "\(error)".contains("instance: '\(name)' is not a valid instance name")
        }
        #expect(throws: Never.self) { try Self.load("instance: site-a_2.east\n") }
    }

    @Test("partition: K/N is read; a wrong one names the field and says what K/N means")
    func partition() throws {
        #expect(try Self.load("partition: 1/3\n").partition == (try Partition(parsing: "1/3")))
        #expect(try Self.load("instance: site-a\n").partition == nil)
        #expect {
            try Self.load("partition: 3/3\n")
        } throws: { error in
            "\(error)".contains("partition") && "\(error)".contains("K counts from 0 and must be below N (0/3 to 2/3)")
        }
    }

    @Test("a partitioned daemon left with the default instance name is named after its partition; a chosen name stays")
    func instanceOfAPartition() throws {
        var configuration = DaemonConfiguration()
        configuration.nameDefaultInstanceAfterPartition()
        #expect(configuration.instance == "local")
        configuration.partition = try Partition(parsing: "1/3")
        configuration.nameDefaultInstanceAfterPartition()
        #expect(configuration.instance == "local-p1of3")
        configuration.instance = "site-a-1"
        configuration.nameDefaultInstanceAfterPartition()
        #expect(configuration.instance == "site-a-1")
    }
}
