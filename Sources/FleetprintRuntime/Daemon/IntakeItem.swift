import Pipeline
/// One received message on its way to the pipeline thread: parsed already on the network thread,
/// with its journal sequence and its arrival time (journaled too, so a replay decides the same).
struct IntakeItem: Sendable {
    let sequence: Int64
    let receivedAt: Double
    let message: ParsedMessage
}
