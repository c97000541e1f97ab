import Impact

/// The closing line of a run through the pipeline: what went in, what came out, how fast.
enum PipelineTally {
    static func line(_ label: String, _ counters: PipelineCounters, seconds: Double) -> String {
        func rate(_ count: Int) -> Int { seconds > 0 ? Int(Double(count) / seconds) : 0 }
        let reasons = counters.deadLetters.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        return "\(label): \(counters.messages) messages (\(counters.readings) readings accepted, \(counters.serviceReports) service reports, "
            + "\(counters.deadLettersTotal) dead letters\(reasons.isEmpty ? "" : ": " + reasons)), \(counters.workOrdersIssued) work orders issued, in "
            + "\(String(format: "%.1f", seconds)) s: \(rate(counters.messages)) msg/s, \(rate(counters.readings)) readings/s"
    }
}
