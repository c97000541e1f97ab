/// What one MQTT message costs on the network: the single rule behind both a profile's
/// `message_size` (what `assess` counts) and the bytes the daemon counts as realised data, so
/// that the projected and the live ICT overhead measure the same thing.
///
/// A message is its PUBLISH packet (fixed header, topic length and topic, packet id at QoS 1
/// or 2, payload) plus TCP and IPv4 headers without options. TLS records, acknowledgements and
/// keep-alives are left out on both sides alike.
public enum MessageTraffic {
    /// TCP and IPv4 headers without options: 20 + 20 bytes.
    public static let transportHeaderBytes = 40

    /// Bytes on the wire of one message with a `topicBytes`-byte topic and a `payloadBytes`-byte payload.
    public static func wireBytes(topicBytes: Int, payloadBytes: Int, qos: Int = 1) -> Int {
        let remaining = 2 + topicBytes + (qos > 0 ? 2 : 0) + payloadBytes
        let lengthBytes = remaining < 128 ? 1 : remaining < 16_384 ? 2 : remaining < 2_097_152 ? 3 : 4
        return 1 + lengthBytes + remaining + transportHeaderBytes
    }
}
