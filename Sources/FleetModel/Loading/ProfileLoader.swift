import Foundation
import Yams

/// Reads and checks profile YAML and factor CSVs. Every function collects all issues of all
/// files and throws them together, so `fleetprint profiles validate` shows everything at once.
public enum ProfileLoader {
    /// Reads one profile from YAML text. With `factors`, also checks cross-references and that
    /// every material, vehicle, energy and ICT item has a climate-change factor.
    /// `file` is only used in messages.
    public static func profile(yaml: String, file: String, factors: FactorTable?) throws(ValidationFailure) -> DeviceProfile {
        let (profile, log) = read(yaml: yaml, file: file, factors: factors)
        guard let profile, log.issues.isEmpty else { throw ValidationFailure(issues: log.issues) }
        return profile
    }

    /// Reads the method's category table, its prices and the factor files in order; later files
    /// override earlier ones item by item (same item and category) and add new items.
    public static func factorTable(_ set: FactorSet) throws(ValidationFailure) -> FactorTable {
        let (table, issues) = readFactorTable(set)
        guard issues.isEmpty else { throw ValidationFailure(issues: issues) }
        return table
    }

    /// YAML files among `urls`: files as given, directories by their `*.yaml` / `*.yml` entries, sorted.
    public static func profileFiles(in urls: [URL]) -> [URL] {
        urls.flatMap { url -> [URL] in
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue else { return [url] }
            let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
            return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted().map { url.appendingPathComponent($0) }
        }
    }

    // MARK: Internals shared with ProfileLibrary

    static func read(yaml: String, file: String, factors: FactorTable?) -> (DeviceProfile?, IssueLog) {
        let log = IssueLog(file: file)
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            log.add(line: error.line, field: "", "not valid YAML: \(error.problem)")
            return (nil, log)
        } catch {
            log.add(line: 1, field: "", "not valid YAML: \(error)")
            return (nil, log)
        }
        guard let root, root.mapping != nil else {
            log.add(line: 1, field: "", "expected a mapping with kind, description, telemetry, ... (see DeviceProfiles/README.md)")
            return (nil, log)
        }
        let profile = DeviceProfile(reading: NodeReader(node: root, field: "", log: log))
        // Cross-reference checks run only on a file that reads cleanly: an entry that failed to
        // read would otherwise show up again as an "unknown" reference elsewhere.
        if let profile, let factors, log.issues.isEmpty {
            ProfileValidator(profile: profile, factors: factors, log: log).validate()
        }
        return (profile, log)
    }

    static func readFactorTable(_ set: FactorSet) -> (FactorTable, [ValidationIssue]) {
        var issues: [ValidationIssue] = []
        let categoryLog = IssueLog(file: set.categories.relativePath)
        var categoryList = text(of: set.categories, log: categoryLog).map { FactorFileReader.categories(csv: $0, log: categoryLog) } ?? []
        issues += categoryLog.issues
        let priceLog = IssueLog(file: set.prices.relativePath)
        let prices = text(of: set.prices, log: priceLog).map { PriceFileReader.prices(csv: $0, method: set.method, categories: categoryList, log: priceLog) } ?? [:]
        issues += priceLog.issues
        for index in categoryList.indices {
            guard let price = prices[categoryList[index].id] else { continue }
            categoryList[index].euroPerUnit = price.euroPerUnit
            categoryList[index].priceSource = price.source + (price.year.map { " (EUR\($0))" } ?? "")
        }
        var list: [Factor] = []
        for url in set.factors {
            let log = IssueLog(file: url.relativePath)
            list += text(of: url, log: log).map { FactorFileReader.factors(csv: $0, method: set.method, categories: categoryList, log: log) } ?? []
            issues += log.issues
        }
        return (FactorTable(method: set.method, priceSet: set.priceSet, categories: categoryList, factors: list), issues)
    }

    static func text(of url: URL, log: IssueLog) -> String? {
        do {
            return try String(contentsOf: url, encoding: .utf8)
        } catch {
            log.add(line: 0, field: "", "cannot read the file: \(FileErrorReason.text(error))")
            return nil
        }
    }
}

extension YamlError {
    /// Line of a syntax error, 1 when libyaml gives none.
    public var line: Int {
        switch self {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): mark.line
        case .duplicatedKeysInMapping(_, let context): context.mark.line
        default: 1
        }
    }

    /// Column of a syntax error, when libyaml gives one.
    public var column: Int? {
        switch self {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): mark.column
        case .duplicatedKeysInMapping(_, let context): context.mark.column
        default: nil
        }
    }

    public var problem: String {
        switch self {
        case .scanner(let context, let problem, _, _), .parser(let context, let problem, _, _), .composer(let context, let problem, _, _):
            [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
        case .duplicatedKeysInMapping(let duplicates, _): "duplicate keys \(duplicates.joined(separator: ", "))"
        default: String(describing: self)
        }
    }
}
