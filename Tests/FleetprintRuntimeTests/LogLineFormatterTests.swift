import Foundation
import Logging
import Testing
@testable import FleetprintRuntime

@Suite("Log lines")
struct LogLineFormatterTests {
    private static let time = Date(timeIntervalSince1970: 1_767_225_600.25) // 2026-01-01T00:00:00.250Z
    private static let metadata: Logger.Metadata = ["broker": "mqtt://127.0.0.1:1883", "session_present": "\(true)"]

    @Test("text: time, level, label, message, then the metadata sorted by key")
    func text() {
        let line = LogLineFormatter(format: .text, journald: false)
            .line(time: Self.time, level: .info, label: "fleetprint.run", message: "subscribed", metadata: Self.metadata)
        #expect(line == "2026-01-01T00:00:00.250Z info fleetprint.run: subscribed broker=mqtt://127.0.0.1:1883 session_present=true")
    }

    @Test("under journald: no time of its own, and the syslog priority as sd-daemon's <N> prefix")
    func journald() {
        let formatter = LogLineFormatter(format: .text, journald: true)
        let line = formatter.line(time: Self.time, level: .warning, label: "fleetprint.run", message: "lost the broker", metadata: [:])
        #expect(line == "<4>warning fleetprint.run: lost the broker")
        let priorities = Logger.Level.allCases.map { formatter.line(time: Self.time, level: $0, label: "l", message: "m", metadata: [:]).prefix(3) }
        #expect(priorities == ["<7>", "<7>", "<6>", "<5>", "<4>", "<3>", "<2>"])
    }

    @Test("a line break in a message or value stays inside the one line")
    func oneLine() {
        let line = LogLineFormatter(format: .text, journald: true)
            .line(time: Self.time, level: .error, label: "l", message: "two\nlines", metadata: ["detail": "a\nb"])
        #expect(line == #"<3>error l: two\nlines detail=a\nb"#)
    }

    @Test("json: one object with time, level, label, message and metadata, nested values kept")
    func json() throws {
        let metadata = Self.metadata.merging(["kinds": .array(["boiler", "speedgate"]), "limits": .dictionary(["max": "5"])]) { $1 }
        let line = LogLineFormatter(format: .json, journald: true)
            .line(time: Self.time, level: .notice, label: "fleetprint.run", message: "said \"hi\"\nthen left", metadata: metadata)
        #expect(!line.contains("\n"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(object["time"] as? String == "2026-01-01T00:00:00.250Z")
        #expect(object["level"] as? String == "notice")
        #expect(object["label"] as? String == "fleetprint.run")
        #expect(object["message"] as? String == "said \"hi\"\nthen left")
        let fields = try #require(object["metadata"] as? [String: Any])
        #expect(fields["session_present"] as? String == "true")
        #expect(fields["kinds"] as? [String] == ["boiler", "speedgate"])
        #expect((fields["limits"] as? [String: String]) == ["max": "5"])
    }
}
