import Foundation

/// The files one factor table is read from: a method's category table, a price set and the
/// factor files (later ones override earlier ones item by item). The method's id is its table's
/// file name ("ef-3.0" for methods/ef-3.0.csv); the price set's name is its file's name.
public struct FactorSet: Sendable {
    public var categories: URL
    public var prices: URL
    public var factors: [URL]

    public init(categories: URL, prices: URL, factors: [URL]) {
        self.categories = categories
        self.prices = prices
        self.factors = factors
    }

    /// "ef-3.0": what factor rows name in their `method` column.
    public var method: String { categories.deletingPathExtension().lastPathComponent }
    /// "ce-delft-2024".
    public var priceSet: String { prices.deletingPathExtension().lastPathComponent }

    /// The method used when none is named: the one the open default factors cover completely.
    public static let defaultMethod = "ef-3.0"
    /// CE Delft's Environmental Prices Handbook 2024, EU27 version (EUR2021).
    public static let defaultPrices = "ce-delft-2024"

    /// The shipped set under `root` (a checkout or FLEETPRINT_HOME): Config/factors/methods/<method>.csv,
    /// Config/factors/prices/<prices>.csv, the technical coefficients and the open default factors,
    /// then `extraFactors`. A `method` or `prices` that contains "/" or ends in ".csv" is a path.
    public static func shipped(root: URL, method: String = defaultMethod, prices: String = defaultPrices, extraFactors: [URL] = []) -> FactorSet {
        let factors = root.appendingPathComponent("Config/factors")
        func file(_ name: String, in folder: String) -> URL {
            name.contains("/") || name.hasSuffix(".csv") ? URL(fileURLWithPath: name)
                : factors.appendingPathComponent(folder).appendingPathComponent("\(name).csv")
        }
        return FactorSet(categories: file(method, in: "methods"), prices: file(prices, in: "prices"),
                         factors: [factors.appendingPathComponent("technical.csv"), factors.appendingPathComponent("open-lca.csv")] + extraFactors)
    }

    /// Names of the CSV files in `folder` of `root`'s Config/factors, for help and errors.
    public static func available(_ folder: String, root: URL) -> [String] {
        let url = root.appendingPathComponent("Config/factors").appendingPathComponent(folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        return names.filter { $0.hasSuffix(".csv") }.map { String($0.dropLast(4)) }.sorted()
    }
}
