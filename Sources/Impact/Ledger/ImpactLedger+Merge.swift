extension ImpactLedger {
    /// The ledgers of disjoint parts of a fleet (simulation shards, partitioned daemons) as one:
    /// the union of their devices and the sum of Fleetprint's CPU time. Priced afterwards, the
    /// union gives what one run of the whole fleet gives; pricing is not additive in general
    /// (rounding, CPU shared by service time), so ledgers are merged before they are priced.
    public static func merged(_ ledgers: [ImpactLedger]) throws(LedgerOverlap) -> ImpactLedger {
        var merged = ImpactLedger()
        var owner: [String: Int] = [:]
        for (position, ledger) in ledgers.enumerated() {
            for (key, device) in ledger.devices.sorted(by: { $0.key < $1.key }) {
                if let first = owner[key] { throw LedgerOverlap(device: key, first: first, second: position) }
                owner[key] = position
                merged.restore(device)
            }
            merged.restore(cpuSeconds: merged.cpuSeconds + ledger.cpuSeconds)
        }
        return merged
    }
}
