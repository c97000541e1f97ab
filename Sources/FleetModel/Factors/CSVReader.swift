import Foundation

/// A small RFC 4180 reader (quotes, doubled quotes, line breaks in quotes) that keeps line numbers.
/// Blank lines and lines starting with `#` are skipped, so factor files can carry comments.
/// The delimiter is `,`, or `;` when the header has semicolons and no commas (European exports).
enum CSVReader {
    static func records(_ text: String) -> [CSVRecord] {
        let header = text.prefix { $0 != "\n" }
        let delimiter: Character = header.contains(";") && !header.contains(",") ? ";" : ","
        var records: [CSVRecord] = []
        var fields: [String] = []
        var field = ""
        var line = 1
        var recordLine = 1
        var quoted = false
        var firstQuoted = false
        var characters = text.makeIterator()
        var pending: Character? = characters.next()

        func endRecord() {
            fields.append(field)
            let first = fields[0].trimmingCharacters(in: .whitespaces)
            let blank = fields.count == 1 && first.isEmpty && !firstQuoted
            let comment = first.hasPrefix("#") && !firstQuoted
            if !blank, !comment { records.append(CSVRecord(line: recordLine, fields: fields)) }
            fields = []
            field = ""
            firstQuoted = false
        }

        while let character = pending {
            pending = characters.next()
            if quoted {
                if character == "\"" {
                    if pending == "\"" { field.append("\""); pending = characters.next() } else { quoted = false }
                } else {
                    if character == "\n" { line += 1 }
                    field.append(character)
                }
                continue
            }
            switch character {
            case "\"" where field.isEmpty:
                quoted = true
                if fields.isEmpty { firstQuoted = true }
            case delimiter:
                fields.append(field)
                field = ""
            case "\r\n", "\n":
                endRecord()
                line += 1
                recordLine = line
            case "\r":
                continue
            default:
                field.append(character)
            }
        }
        if !field.isEmpty || !fields.isEmpty { endRecord() }
        return records
    }
}
