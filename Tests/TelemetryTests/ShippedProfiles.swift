import FleetModel
import Foundation

/// The repository's profiles, loaded once for all tests of this target.
enum ShippedProfiles {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let library: ProfileLibrary = {
        do {
            return try ProfileLibrary.load(profiles: [root.appendingPathComponent("DeviceProfiles")],
                                           categories: root.appendingPathComponent("Config/factors/shadow-prices.csv"),
                                           factors: [root.appendingPathComponent("Config/factors/default.csv")])
        } catch {
            fatalError("shipped profiles must load: \(error)")
        }
    }()

    static func profile(_ kind: String) -> DeviceProfile { library.profile(kind)! }
}
