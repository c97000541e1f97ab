@testable import FleetprintRuntime
import Testing

@Suite("Handing a value to another thread")
struct SoleHandoverTests {
    final class Buffer: Sendable {}

    struct Holder: Sendable {
        var buffer = Buffer()
    }

    @Test("the value taken is the only copy left, so changing it copies nothing")
    func takenIsUnique() {
        var original = Holder()
        #expect(isKnownUniquelyReferenced(&original.buffer))
        let handover = SoleHandover(original)
        // `original` is still a copy here: the buffer is shared.
        #expect(!isKnownUniquelyReferenced(&original.buffer))
        original = Holder()
        var taken = handover.take()
        #expect(isKnownUniquelyReferenced(&taken.buffer))
    }
}
