import Foundation
import MQTT

/// Tells a person on stderr when the connection is lost and when it is back, so a silent
/// subscriber is never mistaken for a quiet broker.
enum ConnectionReporter {
    static func report(_ states: AsyncStream<ConnectionState>, broker: BrokerURL) async {
        var lost = false
        for await state in states {
            switch state {
            case .disconnected(let reason):
                lost = true
                note("connection to \(broker) lost (\(reason)); reconnecting")
            case .connected where lost:
                lost = false
                note("reconnected to \(broker)")
            case .connected, .connecting, .closed:
                break
            }
        }
    }

    static func note(_ text: String) {
        FileHandle.standardError.write(Data("fleetprint: \(text)\n".utf8))
    }
}
