import ArgumentParser

/// `fleetprint profiles`: inspect and check the device kinds (DeviceProfiles/README.md).
struct ProfilesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "profiles",
        abstract: "List, show and validate device profiles and the factor set.",
        subcommands: [ProfilesListCommand.self, ProfilesShowCommand.self, ProfilesValidateCommand.self],
        defaultSubcommand: ProfilesListCommand.self
    )
}
