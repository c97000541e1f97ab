/// A titled table of text cells: the one row model that the table, markdown and CSV writers share.
public struct ReportSection: Sendable, Hashable {
    public var title: String
    public var header: [String]
    public var rows: [[String]]

    public init(title: String, header: [String], rows: [[String]]) {
        self.title = title
        self.header = header
        self.rows = rows
    }

    /// The section in `format` (not JSON, which encodes the values themselves).
    public func rendered(as format: AssessFormat) -> String {
        switch format {
        case .table, .json: aligned()
        case .markdown: markdown()
        case .csv: csv()
        }
    }

    private func aligned() -> String {
        let all = [header] + rows
        let widths = header.indices.map { column in all.map { $0.indices.contains(column) ? $0[column].count : 0 }.max() ?? 0 }
        let lines = all.map { row in
            row.enumerated().map { $0.element.padding(toLength: widths[$0.offset], withPad: " ", startingAt: 0) }
                .joined(separator: "  ").trimmingTrailingSpaces()
        }
        return ([title, String(repeating: "-", count: title.count)] + lines).joined(separator: "\n")
    }

    private func markdown() -> String {
        let line = { (cells: [String]) in "| " + cells.map { $0.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |" }
        return (["### \(title)", "", line(header), line(header.map { _ in "---" })] + rows.map(line)).joined(separator: "\n")
    }

    private func csv() -> String {
        let quote = { (cell: String) in cell.contains(where: { ",\"\n".contains($0) }) ? "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : cell }
        return ([["section"] + header] + rows.map { [title] + $0 }).map { $0.map(quote).joined(separator: ",") }.joined(separator: "\n")
    }
}

private extension String {
    func trimmingTrailingSpaces() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
