import Foundation

/// The columns of a factor CSV and the header names accepted for each, so that exports from
/// openLCA, SimaPro or Brightway load after at most a header rename (documented in Config/README.md).
enum FactorColumn: String, CaseIterable {
    case method, item, category, value, unit, low, high, source, year, licence

    var headerNames: [String] {
        switch self {
        case .method: ["method", "lcia method", "impact method", "method name"]
        case .item: ["item", "flow", "process", "activity", "product", "name"]
        case .category: ["category", "impact category", "impact_category", "indicator"]
        case .value: ["value", "amount", "result", "factor"]
        case .unit: ["unit", "factor unit", "reference unit"]
        case .low: ["low", "min", "minimum", "lower"]
        case .high: ["high", "max", "maximum", "upper"]
        case .source: ["source", "reference", "citation"]
        case .year: ["year"]
        case .licence: ["licence", "license"]
        }
    }

    var isRequired: Bool { [.item, .category, .value, .unit].contains(self) }

    /// Column index of each known column in `header`.
    static func positions(in header: [String]) -> [FactorColumn: Int] {
        var positions: [FactorColumn: Int] = [:]
        for (index, name) in header.enumerated() {
            let normalised = name.trimmingCharacters(in: .whitespaces).lowercased()
            if let column = allCases.first(where: { $0.headerNames.contains(normalised) }), positions[column] == nil {
                positions[column] = index
            }
        }
        return positions
    }
}
