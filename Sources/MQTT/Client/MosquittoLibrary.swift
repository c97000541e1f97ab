import CMosquitto

/// `mosquitto_lib_init` must run once per process before any handle is made; it is never undone
/// because handles may live until exit.
enum MosquittoLibrary {
    private static let initialized: Bool = {
        mosquitto_lib_init()
        return true
    }()

    static func initialize() {
        _ = initialized
    }

    /// The libmosquitto version linked at run time, for `--version` and bug reports.
    static var version: String {
        var major: Int32 = 0, minor: Int32 = 0, revision: Int32 = 0
        mosquitto_lib_version(&major, &minor, &revision)
        return "\(major).\(minor).\(revision)"
    }
}
