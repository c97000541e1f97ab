import FleetModel
import Testing

@Suite("Message traffic")
struct MessageTrafficTests {
    @Test("a message costs its PUBLISH packet plus TCP/IP headers")
    func wireBytes() {
        // 1 fixed header + 1 remaining-length byte + (2 + 26 topic + 2 packet id + 97 payload = 127) + 40 TCP/IP.
        #expect(MessageTraffic.wireBytes(topicBytes: 26, payloadBytes: 97) == 169)
        // A remaining length of 128 or more takes a second length byte.
        #expect(MessageTraffic.wireBytes(topicBytes: 26, payloadBytes: 98) == 171)
        #expect(MessageTraffic.wireBytes(topicBytes: 26, payloadBytes: 100) == 173)
        // QoS 0 has no packet id.
        #expect(MessageTraffic.wireBytes(topicBytes: 26, payloadBytes: 100, qos: 0) == 171)
    }
}
