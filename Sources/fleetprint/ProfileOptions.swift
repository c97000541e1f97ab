import ArgumentParser
import FleetprintRuntime

/// Where profiles and factors come from; shared by every command that loads device kinds.
struct ProfileOptions: ParsableArguments {
    @Option(name: .customLong("profiles"), help: ArgumentHelp("Folder of device profiles (default: DeviceProfiles/ of $FLEETPRINT_HOME, the working directory or the checkout holding the executable).", valueName: "dir"))
    var profilesDirectory: String?

    @Option(name: .customLong("factors"), parsing: .upToNextOption, help: ArgumentHelp("Factor CSV files layered over Config/factors/default.csv, item by item (see Config/README.md).", valueName: "file"))
    var factorFiles: [String] = []

    var sources: ProfileSources {
        ProfileSources(home: FleetprintHome.locate(), profilesDirectory: profilesDirectory, extraFactors: factorFiles)
    }
}
