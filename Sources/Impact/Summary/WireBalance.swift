import Foundation

/// A `Balance` as a summary carries it: per-category numbers as arrays in the order of the
/// summary's category list (names, units and prices are not repeated; euros follow from the
/// prices), coverage as one letter per category (`c` complete, `p` partial, `n` none), numbers
/// rounded to six significant digits, which is more than any factor behind them is worth.
/// Baseline variances (realised only) are rounded to three: they only size a range.
struct WireBalance: Codable, Equatable {
    var baseline: [Double?]
    var `case`: [Double?]
    var baselineVariance: [Double?]?
    /// Absent when zero (always on the projected side).
    var baselineEvents: Double?
    var coverage: String
    var climateByTerm: [String: Double]
    var avoidedKilograms: [String: Double]
    var baselineKits: Double
    var caseKits: Double
    var baselineVisits: Double
    var caseVisits: Double
    var avoidedKilometres: Double
    var remoteFixes: Double
    var customerFixes: Double
    var baselineLifeYears: Double
    var caseLifeYears: Double
    var euroTotal: Double

    init(_ balance: Balance, categories: [SummaryCategory]) {
        let byID = Dictionary(uniqueKeysWithValues: balance.categories.map { ($0.id, $0) })
        let ordered = categories.map { byID[$0.id] }
        baseline = ordered.map { $0?.baseline.map(Self.rounded) }
        self.case = ordered.map { $0?.case.map(Self.rounded) }
        let variances = ordered.map { $0?.baselineVariance.map { Self.rounded($0, digits: 3) } }
        baselineVariance = variances.contains { $0 != nil } ? variances : nil
        baselineEvents = balance.baselineEvents == 0 ? nil : Self.rounded(balance.baselineEvents)
        coverage = String(ordered.map { Self.letter($0?.coverage ?? .none) })
        climateByTerm = balance.climateByTerm.mapValues(Self.rounded)
        avoidedKilograms = balance.avoidedKilograms.mapValues(Self.rounded)
        baselineKits = Self.rounded(balance.baselineKits)
        caseKits = Self.rounded(balance.caseKits)
        baselineVisits = Self.rounded(balance.baselineVisits)
        caseVisits = Self.rounded(balance.caseVisits)
        avoidedKilometres = Self.rounded(balance.avoidedKilometres)
        remoteFixes = Self.rounded(balance.remoteFixes)
        customerFixes = Self.rounded(balance.customerFixes)
        baselineLifeYears = Self.rounded(balance.baselineLifeYears)
        caseLifeYears = Self.rounded(balance.caseLifeYears)
        euroTotal = Self.rounded(balance.euros)
    }

    /// The balance back, with `categories` naming the arrays' entries.
    func balance(categories: [SummaryCategory], path: [any CodingKey]) throws -> Balance {
        let coverages = try coverage.map { letter in
            guard let value = Self.coverage(letter) else {
                throw DecodingError.dataCorrupted(.init(codingPath: path, debugDescription: "coverage letter '\(letter)' is not c, p or n"))
            }
            return value
        }
        guard [baseline.count, self.case.count, coverages.count, baselineVariance?.count ?? categories.count].allSatisfy({ $0 == categories.count }) else {
            throw DecodingError.dataCorrupted(.init(codingPath: path, debugDescription: "expected \(categories.count) entries per category array, one per summary category"))
        }
        var balance = Balance(categories: categories.indices.map { index in
            let euros = categories[index].euroPerUnit.flatMap { price in
                baseline[index].flatMap { base in self.case[index].map { ($0 - base) * price } }
            }
            return CategoryBalance(id: categories[index].id, name: categories[index].name, unit: categories[index].unit, coverage: coverages[index],
                                   baseline: baseline[index], case: self.case[index], euros: euros, baselineVariance: baselineVariance?[index])
        })
        balance.baselineEvents = baselineEvents ?? 0
        balance.climateByTerm = climateByTerm
        balance.avoidedKilograms = avoidedKilograms
        balance.baselineKits = baselineKits
        balance.caseKits = caseKits
        balance.baselineVisits = baselineVisits
        balance.caseVisits = caseVisits
        balance.avoidedKilometres = avoidedKilometres
        balance.remoteFixes = remoteFixes
        balance.customerFixes = customerFixes
        balance.baselineLifeYears = baselineLifeYears
        balance.caseLifeYears = caseLifeYears
        balance.euros = euroTotal
        return balance
    }

    private static func letter(_ coverage: Coverage) -> Character {
        switch coverage {
        case .complete: "c"
        case .partial: "p"
        case .none: "n"
        }
    }

    private static func coverage(_ letter: Character) -> Coverage? {
        switch letter {
        case "c": .complete
        case "p": .partial
        case "n": Coverage.none
        default: nil
        }
    }

    /// `value` to six significant digits (0 and non-finite values as they are).
    static func rounded(_ value: Double) -> Double { rounded(value, digits: 6) }

    static func rounded(_ value: Double, digits: Int) -> Double {
        guard value != 0, value.isFinite else { return value }
        let scale = pow(10, Double(digits - 1) - floor(log10(abs(value))))
        return (value * scale).rounded() / scale
    }
}
