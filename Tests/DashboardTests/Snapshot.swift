import Foundation
import Testing

/// Golden text files under Snapshots/, compared exactly. `UPDATE_SNAPSHOTS=1 swift test ...`
/// rewrites them; review the diff before committing.
enum Snapshot {
    static func expect(_ lines: [String], named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let file = DashboardFixtures.snapshots.appendingPathComponent("\(name).txt")
        let text = lines.joined(separator: "\n") + "\n"
        if ProcessInfo.processInfo.environment["UPDATE_SNAPSHOTS"] == "1" {
            try text.write(to: file, atomically: true, encoding: .utf8)
            return
        }
        let golden = try String(contentsOf: file, encoding: .utf8)
        #expect(text == golden, "screen differs from Snapshots/\(name).txt; with UPDATE_SNAPSHOTS=1 it is rewritten", sourceLocation: sourceLocation)
    }
}
