/// Collects issues and the line of every field read from one file, so that checks made after
/// reading (cross-references, factors) can still point at a line.
///
/// A class because every `NodeReader` of a file appends to the same log; it never leaves the
/// loading call that created it, so it needs no `Sendable`.
final class IssueLog {
    let file: String
    private(set) var issues: [ValidationIssue] = []
    private var lines: [String: Int] = [:]

    init(file: String) {
        self.file = file
    }

    func add(line: Int, field: String, _ message: String) {
        issues.append(ValidationIssue(file: file, line: line, field: field, message: message))
    }

    func record(field: String, line: Int) {
        if lines[field] == nil { lines[field] = line }
    }

    /// The line of a field, or of its nearest recorded parent when the field itself is absent.
    func line(of field: String) -> Int {
        var path = field
        while true {
            if let line = lines[path] { return line }
            guard let cut = path.lastIndex(where: { $0 == "." || $0 == "[" }) else { return 1 }
            path = String(path[..<cut])
        }
    }

    /// Adds an issue at the recorded line of `field`.
    func add(at field: String, _ message: String) {
        add(line: line(of: field), field: field, message)
    }
}
