import Foundation
import FleetModel

/// The repository's shipped profiles and factor files, found from this file's location.
enum RepositoryFiles {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let profiles = root.appendingPathComponent("DeviceProfiles")
    static let categories = root.appendingPathComponent("Config/factors/shadow-prices.csv")
    static let defaultFactors = root.appendingPathComponent("Config/factors/default.csv")

    static func factorTable() throws -> FactorTable {
        try ProfileLoader.factorTable(categories: categories, factors: [defaultFactors])
    }

    static func library() throws -> ProfileLibrary {
        try ProfileLibrary.load(profiles: [profiles], categories: categories, factors: [defaultFactors])
    }

    static func yaml(_ kind: String) throws -> String {
        try String(contentsOf: profiles.appendingPathComponent("\(kind).yaml"), encoding: .utf8)
    }
}
