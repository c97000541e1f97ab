/// A titled block of a column: it asks for a number of body rows and draws itself into what it gets.
struct Section {
    var title: String
    /// Body rows it cannot do without.
    var minimum: Int
    /// Body rows it would use.
    var wanted: Int
    var body: (_ width: Int, _ rows: Int) -> [StyledLine]

    init(_ title: String, minimum: Int, wanted: Int? = nil, body: @escaping (_ width: Int, _ rows: Int) -> [StyledLine]) {
        self.title = title
        self.minimum = minimum
        self.wanted = max(wanted ?? minimum, minimum)
        self.body = body
    }

    /// A section of fixed lines.
    init(_ title: String, lines: [StyledLine]) {
        self.init(title, minimum: lines.count) { _, _ in lines }
    }

    /// Stacks sections into exactly `rows` lines of `width`: every section gets its minimum, then
    /// what is left goes to them in order up to what they want; sections that do not fit are cut.
    static func stack(_ sections: [Section], width: Int, rows: Int) -> [StyledLine] {
        var budget = rows - sections.reduce(0) { $0 + 1 + $1.minimum }
        var lines: [StyledLine] = []
        for section in sections {
            let extra = min(max(budget, 0), section.wanted - section.minimum)
            budget -= extra
            let height = section.minimum + extra
            var title = StyledLine("── \(section.title) ", .bold)
            title += (String(repeating: "─", count: max(width - title.width, 0)), .dim)
            let body = section.body(width, height).prefix(height)
            lines += [title] + body + Array(repeating: StyledLine(), count: height - body.count)
        }
        return Array((lines + Array(repeating: StyledLine(), count: max(rows - lines.count, 0))).prefix(rows)).map { $0.fitted(to: width) }
    }
}
