import FleetModel
import Foundation
import Impact

/// The ledger a run ends with, for people (a table per kind and for the fleet) or for tools
/// (the priced summary as JSON with sorted keys).
public enum LedgerReport {
    public static func json(_ summary: FleetSummary) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        return (try? encoder.encode(summary)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    /// Case (what happened) against the baseline counterfactual over the same service time.
    public static func table(_ summary: FleetSummary) -> String {
        let header = ["group", "devices", "years", "kits", "baseline kits", "visits", "baseline visits", "kg CO2-eq", "baseline kg CO2-eq", "change"]
        let rows = (summary.kinds + [summary.fleet]).map { group -> [String] in
            let realised = group.realised
            let climate = realised.climate
            return [group.name, String(group.devices), format(group.serviceYears),
                    format(realised.caseKits), format(realised.baselineKits), format(realised.caseVisits), format(realised.baselineVisits),
                    format(climate?.case), format(climate?.baseline), climate?.relative.map { format($0 * 100) + " %" } ?? "-"]
        }
        let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        return ([header] + rows).map { row in
            row.enumerated().map { column, cell in
                column == 0 ? cell.padding(toLength: widths[column], withPad: " ", startingAt: 0)
                            : String(repeating: " ", count: widths[column] - cell.count) + cell
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }

    private static func format(_ value: Double?) -> String {
        guard let value else { return "-" }
        return abs(value) >= 100 ? String(Int(value.rounded())) : String(format: "%.1f", value)
    }
}
