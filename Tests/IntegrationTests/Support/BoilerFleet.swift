import FleetprintTestSupport

/// Boiler fleets for the daemon's tests: each device normal for 2 h, then fouled for 4 h (one
/// alarm work order each), the devices interleaved in event time as a real fleet would send.
enum BoilerFleet {
    static let readingsPerMessage = 9

    static func fouling(devices: Int) -> [(topic: String, payload: [UInt8])] {
        let perDevice = (1...devices).map { BoilerStream.fouling(device: "b-\($0)") }
        return (0..<perDevice[0].count).flatMap { index in perDevice.map { $0[index] } }
    }
}
