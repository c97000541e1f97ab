import FleetprintRuntime
import MQTT
import Testing

@Suite("TLS to a mosquitto with certificates made at test time")
struct TLSTests {
    @Test("a client with the right CA and a client certificate connects and round-trips")
    func mutualTLS() async throws {
        try await Self.withTLSBroker(trusting: \.caFile) { configuration in
            let client = try MQTTClient(configuration)
            defer { client.close() }
            try await client.connect()
            try await client.subscribe([TopicSubscription("tls/#")])
            try client.publish(topic: "tls/echo", text: "encrypted", qos: .atLeastOnce)
            let received = try await withDeadline(10, "the message over TLS") {
                await TestClients.collect(1, from: client)
            }
            #expect(received.first?.payloadText == "encrypted")
        }
    }

    @Test("a broker certificate from an unknown CA fails with OpenSSL's reason")
    func untrustedBroker() async throws {
        try await Self.withTLSBroker(trusting: \.unrelatedCAFile) { configuration in
            let error = await #expect(throws: MQTTError.self) {
                try await MQTTClient(configuration).connect()
            }
            #expect("\(error!)".contains("certificate verify failed"))
        }
    }

    /// Runs `body` with a client configuration for a mosquitto that requires TLS with client
    /// certificates; the client trusts the CA at `trustedCA` of freshly made certificates.
    private static func withTLSBroker(trusting trustedCA: KeyPath<TestCertificates, String>,
                                      _ body: (MQTTConfiguration) async throws -> Void) async throws {
        let certificates = try TestCertificates()
        defer { certificates.remove() }
        let tlsPort = try FreePort.loopback()
        let broker = try TestBroker.started(extraConfiguration: """
            listener \(tlsPort) 127.0.0.1
            allow_anonymous true
            cafile \(certificates.caFile)
            certfile \(certificates.serverCertificate)
            keyfile \(certificates.serverKey)
            require_certificate true
            """)
        defer { broker.stop() }
        var configuration = try TestClients.configuration("mqtts://127.0.0.1:\(tlsPort)")
        configuration.connectTimeout = .seconds(2)
        configuration.tls = TLSConfiguration(
            caFile: certificates[keyPath: trustedCA],
            certificateFile: certificates.clientCertificate,
            keyFile: certificates.clientKey
        )
        try await body(configuration)
    }
}
