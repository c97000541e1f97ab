import Foundation

/// A bar chart of cumulative net CO2-eq over event time: one column per slice of the run, bars
/// grow up (more emitted than the baseline) or down (saved) from the zero line, scale on the left.
public enum CumulativeChart {
    public static func lines(_ points: [ChartPoint], width: Int, rows: Int, unit: String) -> [StyledLine] {
        guard rows >= 2 else { return [] }
        guard let first = points.first, let last = points.last else {
            return [StyledLine("waiting for the first summary with event time", .dim)] + Array(repeating: StyledLine(), count: rows - 1)
        }
        let plotRows = rows - 1
        let values = points.map(\.kilograms)
        let top = max(values.max() ?? 0, 0)
        let bottom = min(values.min() ?? 0, 0)
        let labels = [Figure.amount(top, unit), Figure.amount(bottom, unit)]
        let labelWidth = labels.map(\.count).max() ?? 0
        let columns = max(width - labelWidth - 2, 1)
        let sampled = (0..<columns).map { column in values[min(column * values.count / columns, values.count - 1)] }
        let range = top - bottom
        // The row whose band holds zero; bars fill from it towards the value.
        let zeroRow = range > 0 ? Int((top / range) * Double(plotRows - 1)) : plotRows - 1
        var lines: [StyledLine] = []
        for row in 0..<plotRows {
            let label = row == 0 ? labels[0] : row == plotRows - 1 ? labels[1] : ""
            var line = StyledLine(String(repeating: " ", count: labelWidth - label.count) + label + " │", .dim)
            let cells = sampled.map { value -> Character in
                let valueRow = range > 0 ? Int(((top - value) / range) * Double(plotRows - 1)) : zeroRow
                let filled = (min(valueRow, zeroRow)...max(valueRow, zeroRow)).contains(row)
                return filled ? (value < 0 ? "█" : "▓") : (row == zeroRow ? "─" : " ")
            }
            line += (String(cells), sampled.last ?? 0 < 0 ? .rose(.better25) : .rose(.worse25))
            lines.append(line)
        }
        let from = Figure.day(first.time), to = Figure.day(last.time)
        let gap = max(columns - from.count - to.count, 1)
        lines.append(StyledLine(String(repeating: " ", count: labelWidth + 2) + from + String(repeating: " ", count: gap) + to, .dim))
        return lines
    }
}
