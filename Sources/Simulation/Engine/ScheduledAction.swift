/// What happens to a device at a scheduled time.
enum ScheduledAction: Sendable, Hashable {
    case sample
    /// A fault or abuse event occurs (hazard index).
    case hazard(Int)
    /// One more symptom message of a fault; `remaining` after this one.
    case burst(hazard: Int, remaining: Int)
    /// Someone calls about a fault or damage still there.
    case callOut(Int)
    /// A work order's job is carried out (index into the simulator's jobs).
    case job(Int)
    case plannedVisit
    case collectionRound
    case renovation(Int)
    /// The unit reaches its end of life by age.
    case ageOut
}
