import Foundation
import FleetModel

/// The repository's shipped profiles and factor files, found from this file's location.
enum RepositoryFiles {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let profiles = root.appendingPathComponent("DeviceProfiles")
    static let factorSet = FactorSet.shipped(root: root)

    static func factorTable(method: String = FactorSet.defaultMethod, prices: String = FactorSet.defaultPrices) throws -> FactorTable {
        try ProfileLoader.factorTable(.shipped(root: root, method: method, prices: prices))
    }

    static func library() throws -> ProfileLibrary {
        try ProfileLibrary.load(profiles: [profiles], factorSet: factorSet)
    }

    static func yaml(_ kind: String) throws -> String {
        try String(contentsOf: profiles.appendingPathComponent("\(kind).yaml"), encoding: .utf8)
    }
}
