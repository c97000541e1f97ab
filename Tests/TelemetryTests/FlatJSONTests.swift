import Testing
@testable import Telemetry

@Suite("Flat JSON members for other readers")
struct FlatJSONTests {
    private static func members(_ text: String) throws -> [String: FlatJSON.Member] {
        var members: [String: FlatJSON.Member] = [:]
        try Array(text.utf8).withUnsafeBytes { raw in
            try FlatJSON.forEachMember(in: raw) { members[$0] = $1 }
        }
        return members
    }

    @Test("numbers, unescaped strings (surrogate pairs joined), booleans, and anything else as other")
    func members() throws {
        let found = try Self.members(#"{"t":1767225600.5,"topic":"a\/b\n","emoji":"\ud83d\ude00","lone":"\ud83d","x":[1,2],"n":null,"retain":true}"#)
        #expect(found["t"] == .number(1_767_225_600.5))
        #expect(found["topic"] == .string(Array("a/b\n".utf8)))
        #expect(found["emoji"] == .string(Array("😀".utf8)))
        #expect(found["lone"] == .string(Array("\u{FFFD}".utf8)))
        #expect(found["retain"] == .bool(true))
        #expect(found["x"] == .other && found["n"] == .other)
    }

    @Test("anything but one object is refused", arguments: [#"{"t":1"#, #"{"t":1} x"#, "[1]", #"{"t":"\q"}"#])
    func refused(text: String) {
        #expect(throws: DecodeFailure.self) { try Self.members(text) }
    }
}
