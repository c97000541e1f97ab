import Testing
@testable import MQTT

@Suite("Broker URLs")
struct BrokerURLTests {
    @Test("accepted forms", arguments: [
        ("mqtt://127.0.0.1:1883", BrokerURL(host: "127.0.0.1", port: 1883)),
        ("mqtt://broker.example", BrokerURL(host: "broker.example", port: 1883)),
        ("tcp://broker.example:1884", BrokerURL(host: "broker.example", port: 1884)),
        ("mqtts://broker.example", BrokerURL(host: "broker.example", port: 8883, usesTLS: true)),
        ("ssl://broker.example:9999", BrokerURL(host: "broker.example", port: 9999, usesTLS: true)),
        ("MQTT://alice@broker.example:1883/", BrokerURL(host: "broker.example", port: 1883, username: "alice")),
        ("mqtt://[::1]:1884", BrokerURL(host: "::1", port: 1884)),
        ("mqtts://[fe80::1]", BrokerURL(host: "fe80::1", port: 8883, usesTLS: true)),
    ])
    func parses(text: String, expected: BrokerURL) throws {
        #expect(try BrokerURL(parsing: text) == expected)
    }

    @Test("malformed URLs say what is wrong", arguments: [
        ("127.0.0.1:1883", "expected a scheme"),
        ("http://broker.example", "unknown scheme 'http'"),
        ("mqtt://", "missing host name"),
        ("mqtt://:1883", "missing host name"),
        ("mqtt://broker.example:0", "port '0' is not a number from 1 to 65535"),
        ("mqtt://broker.example:65536", "port '65536' is not a number from 1 to 65535"),
        ("mqtt://broker.example:abc", "port 'abc' is not a number from 1 to 65535"),
        ("mqtt://broker.example/sensors/#", "a broker URL has no path"),
        ("mqtt://alice:secret@broker.example", "do not put a password in the URL"),
        ("mqtt://@broker.example", "empty user name"),
        ("mqtt://[::1", "unclosed '['"),
        ("mqtt://[::1]x", "unexpected 'x' after the IPv6 host"),
    ])
    func rejects(text: String, reasonFragment: String) {
        #expect {
            try BrokerURL(parsing: text)
        } throws: { error in
            let message = (error as? MQTTError)?.description ?? ""
            return message.hasPrefix("invalid broker URL '\(text)': ") && message.contains(reasonFragment)
        }
    }

    @Test("a password in the URL never appears in the error")
    func passwordNotEchoedBeyondInput() {
        let error = #expect(throws: MQTTError.self) { try BrokerURL(parsing: "mqtt://bob:hunter2@host") }
        #expect(error?.description.contains("--password-env") == true)
    }

    @Test("description parses back to the same URL", arguments: [
        BrokerURL(host: "127.0.0.1", port: 1883),
        BrokerURL(host: "::1", port: 8883, usesTLS: true),
        BrokerURL(host: "broker.example", port: 2000, usesTLS: false, username: "svc-fleet"),
    ])
    func roundTrip(url: BrokerURL) throws {
        #expect(try BrokerURL(parsing: url.description) == url)
    }
}
