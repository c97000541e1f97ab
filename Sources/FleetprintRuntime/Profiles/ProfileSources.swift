import FleetModel
import Foundation

/// Where profiles and factors are read from: the home's defaults, or what the user named.
/// User factor files are layered over the default set, item by item.
public struct ProfileSources: Sendable {
    public var profiles: [URL]
    public var categories: URL
    public var factors: [URL]

    public init(profiles: [URL], categories: URL, factors: [URL]) {
        self.profiles = profiles
        self.categories = categories
        self.factors = factors
    }

    /// Defaults from `home`, with an optional profiles folder and extra factor files.
    public init(home: FleetprintHome, profilesDirectory: String?, extraFactors: [String]) {
        self.init(profiles: [profilesDirectory.map { URL(fileURLWithPath: $0) } ?? home.profilesDirectory],
                  categories: home.categoriesFile,
                  factors: [home.defaultFactorsFile] + extraFactors.map { URL(fileURLWithPath: $0) })
    }

    public func load() throws(ValidationFailure) -> ProfileLibrary {
        try ProfileLibrary.load(profiles: profiles, categories: categories, factors: factors)
    }

    /// Loads, or writes every issue to stderr (one a line, then a count) and returns nil, so a
    /// command can exit 1 and a script can rely on the status.
    public func loadReportingIssues() -> ProfileLibrary? {
        do {
            return try load()
        } catch {
            FileHandle.standardError.write(Data("\(error.description)\n\(error.issues.count) issue(s)\n".utf8))
            return nil
        }
    }
}
