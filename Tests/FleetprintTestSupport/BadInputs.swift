import FleetModel
import Foundation

/// One message of every class of bad input the daemon must dead-letter, each followed by a good
/// message from the same boiler: the good ones must all count, whatever comes between them.
public enum BadInputs {
    public struct Stream: Sendable {
        public var messages: [(topic: String, payload: [UInt8])]
        /// The dead-letter reasons the bad messages must get, in order.
        public var reasons: [String]
        public var goodMessages: Int
        public var goodBytes: Int
    }

    public static func interleaved(device: String) -> Stream {
        let t0 = BoilerStream.start
        let topic = BoilerStream.topic(device)
        let good = { (index: Int) in (topic, BoilerStream.payload(at: t0.addingTimeInterval(Double(index) * 300))) }
        let bad: [(String, [UInt8], String)] = [
            (topic, Array(#"{"ts":1767225600000,"t_flue":"#.utf8), "truncated"),
            (topic, Array(#"{"ts":1767225600000,,}"#.utf8), "malformed"),
            (topic, Array(#"{"ts":1767226000000,"t_flue":"hot"}"#.utf8), "wrong-type"),
            (topic, Array(#"{"ts":1767226000000,"t_flue":NaN}"#.utf8), "not-finite"),
            (topic, Array(#"{"ts":1767226000000,"p_water":99}"#.utf8), "out-of-range"),
            (topic, Array(#"{"ts":1967226000000,"p_water":1.2}"#.utf8), "too-new"),
            (topic, Array(#"{"ts":1000000000000,"p_water":1.2}"#.utf8), "too-old"),
            (topic, Array(#"{"t_flue":700}"#.utf8), "missing-timestamp"),
            ("devices/toaster/t-1/telemetry", Array(#"{"ts":1767226000000}"#.utf8), "unknown-topic"),
            (topic, Array(repeating: UInt8(ascii: " "), count: 100_000), "too-large"),
            (BoilerStream.topic(String(repeating: "x", count: 300)), good(0).1, "bad-device-id"),
            (topic, good(1).1, "stale"),
            ("fleetprint/service/boiler/\(device)", Array(#"{"action":"teleport"}"#.utf8), "bad-service-report"),
        ]
        var messages = [good(0), good(1)]
        var reasons: [String] = []
        for (index, (badTopic, payload, reason)) in bad.enumerated() {
            messages.append((badTopic, payload))
            messages.append(good(index + 2))
            reasons.append(reason)
        }
        // The last good message, delivered a second time.
        messages.append(good(bad.count + 1))
        reasons.append("duplicate")
        let goodMessages = bad.count + 2
        return Stream(messages: messages, reasons: reasons, goodMessages: goodMessages,
                      goodBytes: (0..<goodMessages).map { MessageTraffic.wireBytes(topicBytes: good($0).0.utf8.count, payloadBytes: good($0).1.count) }.reduce(0, +))
    }
}
