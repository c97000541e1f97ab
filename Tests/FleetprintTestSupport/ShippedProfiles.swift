import FleetModel
import Foundation

/// The repository's profiles and factors, loaded once per test process.
public enum ShippedProfiles {
    public static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    public static let library: ProfileLibrary = {
        do {
            return try ProfileLibrary.load(profiles: [root.appendingPathComponent("DeviceProfiles")],
                                           factorSet: .shipped(root: root))
        } catch {
            fatalError("shipped profiles must load: \(error)")
        }
    }()

    public static func profile(_ kind: String) -> DeviceProfile { library.profile(kind)! }
}
