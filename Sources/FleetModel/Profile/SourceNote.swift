import Yams

/// One entry of a profile's `sources:` list; every numeric section names one by id, so each
/// number can be traced to a case study, open data (with year and licence) or a stated assumption.
public struct SourceNote: Sendable, Hashable, KeyedEntry {
    public var id: String
    public var kind: SourceKind
    /// The citation, or for an assumption the reasoning.
    public var text: String
    public var year: Int?
    public var licence: String?

    public init(id: String, kind: SourceKind, text: String, year: Int? = nil, licence: String? = nil) {
        self.id = id
        self.kind = kind
        self.text = text
        self.year = year
        self.licence = licence
    }

    init?(id: String, reading r: NodeReader) {
        r.allowOnly(["kind", "text", "year", "licence"])
        let kind = r.required("kind", expected: "case-input, open-data or assumption") { $0.choice(SourceKind.self) }
        let text = r.required("text", expected: "the citation or the reasoning") { $0.string }
        let year = r.optional("year") { $0.int }
        let licence = r.optional("licence") { $0.string }
        if kind == .openData {
            if year == nil { r.log.add(line: r.line, field: r.path("year"), "missing; open data needs the year of the data") }
            if licence == nil { r.log.add(line: r.line, field: r.path("licence"), "missing; open data needs its licence") }
        }
        guard let kind, let text else { return nil }
        self.init(id: id, kind: kind, text: text, year: year, licence: licence)
    }

    var node: Node {
        var b = NodeBuilder()
        b.add("kind", kind)
        b.add("text", text)
        b.add("year", year)
        b.add("licence", licence)
        return b.node
    }
}
