import Foundation

/// Reads a method's category table (Config/factors/methods/*.csv) and factor CSVs, logging every
/// bad row with its file, line and column instead of stopping at the first.
enum FactorFileReader {
    static func categories(csv: String, log: IssueLog) -> [ImpactCategory] {
        let records = CSVReader.records(csv)
        guard let header = records.first else {
            log.add(line: 1, field: "", "empty category table")
            return []
        }
        let names = header.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        let required = ["category", "name", "unit", "theme", "indicator"]
        let missing = required.filter { !names.contains($0) }
        guard missing.isEmpty else {
            log.add(line: header.line, field: "", "missing columns \(missing.joined(separator: ", ")); expected \((required + ["aliases"]).joined(separator: ","))")
            return []
        }
        func cell(_ record: CSVRecord, _ column: String) -> String {
            guard let index = names.firstIndex(of: column), index < record.fields.count else { return "" }
            return record.fields[index].trimmingCharacters(in: .whitespaces)
        }
        return records.dropFirst().compactMap { record in
            guard let theme = RoseTheme(rawValue: cell(record, "theme")) else {
                log.add(line: record.line, field: "theme", "expected one of: \(RoseTheme.allCases.map(\.rawValue).joined(separator: ", ")), got '\(cell(record, "theme"))'")
                return nil
            }
            let aliases = cell(record, "aliases").split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            return ImpactCategory(id: cell(record, "category"), name: cell(record, "name"), unit: cell(record, "unit"), theme: theme,
                                  indicator: cell(record, "indicator"), euroPerUnit: nil, aliases: aliases)
        }
    }

    /// Factors of `method`: rows naming another method are skipped (one file may hold several
    /// methods); rows without a method (a user's export) belong to the method in use.
    static func factors(csv: String, method: String, categories: [ImpactCategory], log: IssueLog) -> [Factor] {
        let records = CSVReader.records(csv)
        guard let header = records.first else {
            log.add(line: 1, field: "", "empty factor file")
            return []
        }
        let positions = FactorColumn.positions(in: header.fields)
        let missing = FactorColumn.allCases.filter { $0.isRequired && positions[$0] == nil }
        guard missing.isEmpty else {
            log.add(line: header.line, field: "", "missing columns \(missing.map(\.rawValue).joined(separator: ", ")); expected item,category,value,unit,low,high,source,year,licence (see Config/README.md for accepted header names)")
            return []
        }
        let fileName = URL(fileURLWithPath: log.file).lastPathComponent
        var otherMethods: Set<String> = []
        let factors = records.dropFirst().compactMap { record -> Factor? in
            let rowMethod = positions[.method].flatMap { $0 < record.fields.count ? record.fields[$0].trimmingCharacters(in: .whitespaces) : nil } ?? ""
            guard rowMethod.isEmpty || rowMethod == method else {
                otherMethods.insert(rowMethod)
                return nil
            }
            return factor(record, positions: positions, method: method, categories: categories, fileName: fileName, log: log)
        }
        // A file with rows of other methods only would otherwise change nothing, silently.
        if factors.isEmpty, !otherMethods.isEmpty, records.count > 1 {
            log.add(line: header.line, field: FactorColumn.method.rawValue,
                    "no row is of method \(method); the file has \(otherMethods.sorted().joined(separator: ", ")): choose one with --method, or leave the method column empty")
        }
        return factors
    }

    private static func factor(_ record: CSVRecord, positions: [FactorColumn: Int], method: String, categories: [ImpactCategory], fileName: String, log: IssueLog) -> Factor? {
        func cell(_ column: FactorColumn) -> String {
            guard let index = positions[column], index < record.fields.count else { return "" }
            return record.fields[index].trimmingCharacters(in: .whitespaces)
        }
        func issue<T>(_ column: FactorColumn, _ message: String) -> T? {
            log.add(line: record.line, field: column.rawValue, message)
            return nil
        }
        func optionalNumber(_ column: FactorColumn) -> Double? {
            cell(column).isEmpty ? nil : (Double(cell(column)) ?? issue(column, "expected a number or nothing, got '\(cell(column))'"))
        }
        let item = cell(.item).isEmpty ? issue(.item, "expected an item name") : cell(.item)
        let categoryText = cell(.category)
        let category: String? = categoryText == FactorTable.technical
            ? FactorTable.technical
            : categories.first { $0.isNamed(categoryText) }?.id
                ?? issue(.category, "unknown impact category '\(categoryText)' in method \(method); expected a category of Config/factors/methods/\(method).csv (id, name or alias) or '\(FactorTable.technical)', or choose the method the file was made with (--method)")
        let value = Double(cell(.value)) ?? issue(.value, "expected a number, got '\(cell(.value))'")
        var unit = FactorUnit(parsing: cell(.unit)) ?? issue(.unit, "expected '<indicator unit>/<reference unit>' such as 'kg CO2-eq/kg', got '\(cell(.unit))'")
        if let parsed = unit, let category, let expected = categories.first(where: { $0.id == category }), !expected.isMeasured(in: parsed.indicator) {
            unit = issue(.unit, "unit mismatch: \(method) \(category) is measured in \(expected.unit), got \(parsed.indicator)")
        }
        let low = optionalNumber(.low)
        let high = optionalNumber(.high)
        if let low, let high, let value, !(low <= value && value <= high) {
            log.add(line: record.line, field: "low", "expected low <= value <= high, got \(low) <= \(value) <= \(high)")
        }
        let year = cell(.year).isEmpty ? nil : (Int(cell(.year)) ?? issue(.year, "expected a year, got '\(cell(.year))'"))
        guard let item, let category, let value, let unit else { return nil }
        return Factor(item: item, category: category, value: value, unit: unit, low: low, high: high,
                      source: cell(.source).isEmpty ? "user file \(fileName)" : cell(.source), year: year,
                      licence: cell(.licence).isEmpty ? "user-supplied" : cell(.licence), origin: "\(fileName):\(record.line)")
    }
}
