import Foundation

/// All device kinds of a profiles folder, checked against one factor table: what every later
/// module starts from. Load it once; it is an immutable value, safe to share between tasks.
public struct ProfileLibrary: Sendable {
    /// Profiles sorted by kind.
    public let profiles: [DeviceProfile]
    public let factors: FactorTable
    /// The file each kind was read from.
    public let files: [String: URL]

    public init(profiles: [DeviceProfile], factors: FactorTable, files: [String: URL] = [:]) {
        self.profiles = profiles.sorted { $0.kind < $1.kind }
        self.factors = factors
        self.files = files
    }

    public var kinds: [String] { profiles.map(\.kind) }

    public func profile(_ kind: String) -> DeviceProfile? {
        profiles.first { $0.kind == kind }
    }

    /// Loads every profile in `profiles` (files, or folders of `*.yaml`) and the factor set (a
    /// method, its prices, factor files where later override earlier), and checks them all.
    /// Throws every issue found, including a kind defined twice.
    public static func load(profiles: [URL], factorSet: FactorSet) throws(ValidationFailure) -> ProfileLibrary {
        let (table, factorIssues) = ProfileLoader.readFactorTable(factorSet)
        var issues = factorIssues
        var loaded: [DeviceProfile] = []
        var files: [String: URL] = [:]
        let urls = ProfileLoader.profileFiles(in: profiles)
        if urls.isEmpty {
            issues.append(ValidationIssue(file: profiles.map(\.relativePath).joined(separator: ", "), line: 0, field: "", message: "no profile files (*.yaml) found"))
        }
        for url in urls {
            let file = url.relativePath
            let fileLog = IssueLog(file: file)
            guard let yaml = ProfileLoader.text(of: url, log: fileLog) else {
                issues += fileLog.issues
                continue
            }
            let (profile, log) = ProfileLoader.read(yaml: yaml, file: file, factors: table)
            issues += log.issues
            guard let profile else { continue }
            if let first = files[profile.kind] {
                issues.append(ValidationIssue(file: file, line: log.line(of: "kind"), field: "kind",
                                              message: "kind '\(profile.kind)' is already defined in \(first.relativePath); expected one file per kind"))
            } else {
                files[profile.kind] = url
                loaded.append(profile)
            }
        }
        guard issues.isEmpty else { throw ValidationFailure(issues: issues) }
        return ProfileLibrary(profiles: loaded, factors: table, files: files)
    }
}
