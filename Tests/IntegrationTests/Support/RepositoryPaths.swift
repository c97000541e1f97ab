import Foundation

/// Paths inside this repository, found from this file's own location.
enum RepositoryPaths {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static let brokerTemplate = root.appendingPathComponent("Config/mosquitto/local.conf")
}
