import FleetModel
import Foundation

/// The shipped profiles, and boiler telemetry written as a real gateway would send it; shared by
/// the unit and integration tests.
public enum BoilerStream {
    public static let repository = ShippedProfiles.root

    public static func library() throws -> ProfileLibrary { ShippedProfiles.library }

    public static let start = Date(timeIntervalSince1970: 1_767_225_600) // 2026-01-01T00:00:00Z

    public static func topic(_ device: String) -> String { "devices/boiler/\(device)/telemetry" }

    /// One healthy-looking sample, with the flue gas at `flue` degC.
    public static func payload(at time: Date, flue: Double = 60, hours: Double = 100) -> [UInt8] {
        let milliseconds = Int64((time.timeIntervalSince1970 * 1000).rounded())
        let text = #"{"ts":\#(milliseconds),"t_flow":60,"t_ret":40,"t_flue":\#(Int(flue * 10)),"ion":8,"p_water":1.5,"fan":3000,"starts":10,"hours":\#(hours),"err":"none"}"#
        return Array(text.utf8)
    }

    /// Samples every 5 minutes for `hours`, the flue gas at `flue` degC.
    public static func samples(device: String, from start: Date, hours: Double, flue: Double) -> [(topic: String, payload: [UInt8])] {
        stride(from: 0.0, to: hours * 3600, by: 300).map { offset in
            (topic(device), payload(at: start.addingTimeInterval(offset), flue: flue))
        }
    }

    /// Two hours normal, then four hours fouled (above the 85 degC alarm for over the rule's 2 h).
    public static func fouling(device: String) -> [(topic: String, payload: [UInt8])] {
        samples(device: device, from: start, hours: 2, flue: 60)
            + samples(device: device, from: start.addingTimeInterval(7200), hours: 4, flue: 90)
    }
}
