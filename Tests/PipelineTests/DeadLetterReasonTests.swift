import Foundation
import Maintenance
import Telemetry
import Testing
@testable import Pipeline

@Suite("Dead-letter reasons")
struct DeadLetterReasonTests {
    private static let all: [DeadLetterReason] = DecodeReason.allCases.map { .decode($0) }
        + [.reading(.stale), .reading(.duplicate), .reading(.unknownMetric), .flood, .badServiceReport]

    @Test("every reason has its own topic segment and reads back from it")
    func roundTrip() {
        let names = Self.all.map(\.rawValue)
        #expect(Set(names).count == names.count)
        #expect(names.map { DeadLetterReason(rawValue: $0) } == Self.all)
        #expect(names.allSatisfy { !$0.contains("/") && !$0.contains("+") && !$0.contains("#") })
        #expect(DeadLetterReason(rawValue: "accepted") == nil)
        #expect(DeadLetterReason(rawValue: "no-such-reason") == nil)
    }

    @Test("a published dead letter carries the reason as its plain name")
    func published() throws {
        let letter = DeadLetter(reason: .decode(.tooLarge), topic: "devices/boiler/b/telemetry", detail: "70000 bytes", field: nil, payload: [0xFF])
        let json = String(decoding: try JSONEncoder().encode(letter), as: UTF8.self)
        #expect(json.contains(#""reason":"too-large""#))
        #expect(try JSONDecoder().decode(DeadLetter.self, from: Data(json.utf8)) == letter)
    }
}
