/// The tables of keyed records a checkpoint writes.
public enum StoreTable: String, Sendable, CaseIterable {
    case device
    case workOrder = "work_order"
    case ledger
}
