/// Why a device seen for the first time may not join the fleet's state (`DeviceLimits`).
struct AdmissionRefusal: Error {
    let detail: String
}
