import Impact

extension PipelineCounters {
    /// Two daemons' counts together.
    static func + (lhs: PipelineCounters, rhs: PipelineCounters) -> PipelineCounters {
        var sum = lhs
        sum.messages += rhs.messages
        sum.readings += rhs.readings
        sum.serviceReports += rhs.serviceReports
        sum.workOrdersIssued += rhs.workOrdersIssued
        sum.workOrdersClosed += rhs.workOrdersClosed
        sum.deadLetters.merge(rhs.deadLetters, uniquingKeysWith: +)
        return sum
    }
}
