import FleetModel
import Foundation

/// What a repeat rule remembers between readings: the occurrences counting towards its next
/// firing (at most the rule's count) and the latest one. 16 bytes.
struct RepeatMemory: Sendable, Hashable {
    var times: [Date] = []
    var last: OptionalNumber = nil
}
