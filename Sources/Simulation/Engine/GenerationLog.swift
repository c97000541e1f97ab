/// A slot's latest unit generations with the event that commissioned each, so an order that
/// reaches the simulator late still goes to the unit that was there when its message was sent.
/// Bounded: a slot is not replaced four times within the simulator's lead over the daemon.
struct GenerationLog: Sendable {
    private var entries: [(event: Int, generation: Int)] = []
    private static let capacity = 4

    mutating func record(generation: Int, atEvent event: Int) {
        if entries.count == Self.capacity { entries.removeFirst() }
        entries.append((event, generation))
    }

    /// The generation in service after `event`; the oldest one known if the log no longer goes back that far.
    func generation(afterEvent event: Int) -> Int {
        entries.last { $0.event <= event }?.generation ?? entries.first?.generation ?? 0
    }
}
