import Foundation

/// Finds the folder that holds DeviceProfiles/ and Config/, so commands work from a checkout,
/// an installed copy or anywhere with FLEETPRINT_HOME set.
///
/// Order: `FLEETPRINT_HOME`; the working directory or its nearest parent with DeviceProfiles/;
/// the executable's directory or its nearest parent with DeviceProfiles/ (the checkout a
/// `.build/debug/fleetprint` lives in). Falls back to the working directory.
public struct FleetprintHome: Sendable {
    public static let environmentVariable = "FLEETPRINT_HOME"

    public let root: URL

    public init(root: URL) {
        self.root = root
    }

    public var profilesDirectory: URL { root.appendingPathComponent("DeviceProfiles") }
    public var brokerTemplate: URL { root.appendingPathComponent("Config/mosquitto/local.conf") }

    public static func locate(environment: [String: String] = ProcessInfo.processInfo.environment,
                              workingDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
                              executable: URL = URL(fileURLWithPath: CommandLine.arguments.first ?? ".")) -> FleetprintHome {
        if let home = environment[environmentVariable], !home.isEmpty {
            return FleetprintHome(root: URL(fileURLWithPath: home))
        }
        let candidates = [workingDirectory, executable.resolvingSymlinksInPath().deletingLastPathComponent()]
        for start in candidates {
            if let found = nearest(from: start) { return FleetprintHome(root: found) }
        }
        return FleetprintHome(root: workingDirectory)
    }

    private static func nearest(from start: URL) -> URL? {
        var directory = start.standardizedFileURL
        while true {
            if FileManager.default.fileExists(atPath: directory.appendingPathComponent("DeviceProfiles").path) { return directory }
            let parent = directory.deletingLastPathComponent()
            if parent.path == directory.path { return nil }
            directory = parent
        }
    }
}
