import ArgumentParser
import Foundation
import FleetprintRuntime

struct ProfilesValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check profiles and factor files; print every issue with file, line and field. Exit 0 when valid, 1 otherwise."
    )

    @OptionGroup var profiles: ProfileOptions

    @Argument(help: "Profile files or folders (default: the profiles folder).")
    var paths: [String] = []

    func run() throws {
        var sources = profiles.sources
        if !paths.isEmpty { sources.profiles = paths.map { URL(fileURLWithPath: $0) } }
        guard let library = sources.loadReportingIssues() else { throw ExitCode.failure }
        print("ok: \(library.kinds.count) profile(s) (\(library.kinds.joined(separator: ", "))), \(library.factors.items.count) factor items")
    }
}
