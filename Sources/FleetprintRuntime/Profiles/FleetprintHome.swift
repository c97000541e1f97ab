import Foundation

/// Finds the folder that holds DeviceProfiles/ and Config/, so commands work from a checkout,
/// an installed copy or anywhere with FLEETPRINT_HOME set.
///
/// Order: `FLEETPRINT_HOME`; the working directory or its nearest parent with DeviceProfiles/;
/// the executable's directory or its nearest parent with DeviceProfiles/ (the checkout a
/// `.build/debug/fleetprint` lives in); `../share/fleetprint` beside the executable (what
/// `make install` and the Debian package lay out). Falls back to the working directory.
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
                              executable: URL = Self.runningExecutable) -> FleetprintHome {
        if let home = environment[environmentVariable], !home.isEmpty {
            return FleetprintHome(root: URL(fileURLWithPath: home))
        }
        let binary = executable.resolvingSymlinksInPath().deletingLastPathComponent()
        for start in [workingDirectory, binary] {
            if let found = nearest(from: start) { return FleetprintHome(root: found) }
        }
        // An installed copy: PREFIX/bin/fleetprint with its data in PREFIX/share/fleetprint.
        let installed = binary.deletingLastPathComponent().appendingPathComponent("share/fleetprint")
        if FileManager.default.fileExists(atPath: installed.appendingPathComponent("DeviceProfiles").path) { return FleetprintHome(root: installed) }
        return FleetprintHome(root: workingDirectory)
    }

    /// This process's executable: `/proc/self/exe` on Linux, so a binary started through PATH
    /// (`argv[0]` is then just "fleetprint") still finds the share folder beside it.
    public static var runningExecutable: URL {
        let link = URL(fileURLWithPath: "/proc/self/exe")
        if let target = try? FileManager.default.destinationOfSymbolicLink(atPath: link.path) { return URL(fileURLWithPath: target) }
        return URL(fileURLWithPath: CommandLine.arguments.first ?? ".")
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
