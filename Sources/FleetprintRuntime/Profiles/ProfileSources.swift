import FleetModel
import Foundation

/// Where profiles and factors are read from: the home's defaults, or what the user named.
/// User factor files are layered over the default set, item by item.
public struct ProfileSources: Sendable {
    public var profiles: [URL]
    public var factorSet: FactorSet

    public init(profiles: [URL], factorSet: FactorSet) {
        self.profiles = profiles
        self.factorSet = factorSet
    }

    /// Defaults from `home`, with an optional profiles folder, method, price set and extra factor files.
    public init(home: FleetprintHome, profilesDirectory: String?, method: String = FactorSet.defaultMethod,
                prices: String = FactorSet.defaultPrices, extraFactors: [String]) {
        self.init(profiles: [profilesDirectory.map { URL(fileURLWithPath: $0) } ?? home.profilesDirectory],
                  factorSet: .shipped(root: home.root, method: method, prices: prices, extraFactors: extraFactors.map { URL(fileURLWithPath: $0) }))
    }

    public func load() throws(ValidationFailure) -> ProfileLibrary {
        try ProfileLibrary.load(profiles: profiles, factorSet: factorSet)
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
