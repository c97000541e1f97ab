import Foundation

/// Reads a price set (Config/factors/prices/*.csv): rows of several methods, of which only the
/// method in use is kept. A price must be given in its category's own unit, so that no category
/// is ever priced in another method's unit; every bad row is logged with its line and column.
enum PriceFileReader {
    static let columns = ["method", "category", "unit", "euro_per_unit", "low", "high", "source", "year"]

    static func prices(csv: String, method: String, categories: [ImpactCategory], log: IssueLog) -> [String: ShadowPrice] {
        let records = CSVReader.records(csv)
        guard let header = records.first else {
            log.add(line: 1, field: "", "empty price file")
            return [:]
        }
        let names = header.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        let missing = columns.filter { !names.contains($0) && !["low", "high", "year"].contains($0) }
        guard missing.isEmpty else {
            log.add(line: header.line, field: "", "missing columns \(missing.joined(separator: ", ")); expected \(columns.joined(separator: ","))")
            return [:]
        }
        func cell(_ record: CSVRecord, _ column: String) -> String {
            guard let index = names.firstIndex(of: column), index < record.fields.count else { return "" }
            return record.fields[index].trimmingCharacters(in: .whitespaces)
        }
        var prices: [String: ShadowPrice] = [:]
        for record in records.dropFirst() where cell(record, "method") == method {
            let id = cell(record, "category")
            guard let category = categories.first(where: { $0.id == id }) else {
                log.add(line: record.line, field: "category", "unknown category '\(id)' of method \(method); expected one of: \(categories.filter { !$0.isQualitative }.map(\.id).joined(separator: ", "))")
                continue
            }
            guard category.isMeasured(in: cell(record, "unit")) else {
                log.add(line: record.line, field: "unit", "price unit '\(cell(record, "unit"))' is not the unit of \(method) \(id) (\(category.unit)); a price only applies in its own method's unit")
                continue
            }
            guard let value = Double(cell(record, "euro_per_unit")), value >= 0 else {
                log.add(line: record.line, field: "euro_per_unit", "expected a number of euros, got '\(cell(record, "euro_per_unit"))'")
                continue
            }
            guard prices[id] == nil else {
                log.add(line: record.line, field: "category", "\(method) \(id) is priced twice")
                continue
            }
            let source = cell(record, "source")
            guard !source.isEmpty else {
                log.add(line: record.line, field: "source", "every price names its source")
                continue
            }
            prices[id] = ShadowPrice(category: id, euroPerUnit: value, low: Double(cell(record, "low")), high: Double(cell(record, "high")),
                                     source: source, year: Int(cell(record, "year")))
        }
        return prices
    }
}
