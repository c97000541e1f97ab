/// One row of a CSV file with the line it starts on, so errors can point at it.
struct CSVRecord {
    let line: Int
    let fields: [String]
}
