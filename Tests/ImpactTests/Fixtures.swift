import FleetModel
import Foundation
import Testing

/// The repository's shipped profiles and factors, found from this file's location.
enum Fixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func library() throws -> ProfileLibrary {
        try ProfileLibrary.load(profiles: [root.appendingPathComponent("DeviceProfiles")],
                                factorSet: .shipped(root: root))
    }

    static func profile(_ kind: String) throws -> (DeviceProfile, FactorTable) {
        let library = try library()
        return (try #require(library.profile(kind)), library.factors)
    }

    static let start = Date(timeIntervalSince1970: 1_700_000_000)

    static func years(_ years: Double) -> Date {
        start.addingTimeInterval(years * 365.25 * 86_400)
    }
}
