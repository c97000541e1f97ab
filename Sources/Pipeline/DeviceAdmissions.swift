import Foundation

/// Counts new devices per minute of event time (saved with the state, so a restart counts on)
/// and devices per kind (rebuilt from the state's devices, so never saved).
public struct DeviceAdmissions: Sendable, Hashable, Codable {
    private var minute: Int64 = .min
    private var admittedThisMinute = 0
    /// Devices per kind.
    public internal(set) var perKind: [String: Int] = [:]

    public init() {}

    enum CodingKeys: String, CodingKey {
        case minute, admittedThisMinute
    }

    /// Counts a new device of `kind` at `time`, or throws why it may not join.
    mutating func admit(kind: String, at time: Date, limits: DeviceLimits) throws(AdmissionRefusal) {
        let now = Int64((time.timeIntervalSince1970 / 60).rounded(.down))
        if now > minute {
            minute = now
            admittedThisMinute = 0
        }
        let devices = perKind[kind, default: 0]
        guard devices < limits.maxDevicesPerKind else {
            throw AdmissionRefusal(detail: "\(kind) has \(devices) devices, the limit of limits.max_devices_per_kind")
        }
        guard admittedThisMinute < limits.maxNewDevicesPerMinute else {
            throw AdmissionRefusal(detail: "more than \(limits.maxNewDevicesPerMinute) new devices in a minute of event time (limits.max_new_devices_per_minute)")
        }
        admittedThisMinute += 1
        perKind[kind] = devices + 1
    }
}
