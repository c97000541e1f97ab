/// A rule form with its limits already converted to the metric's unit and to seconds.
enum RuleCheck: Sendable {
    case threshold(ThresholdCheck)
    case rate(RateCheck)
    case repeated(RepeatCheck)
    case counter(CounterCheck)
    case missing(MissingCheck)
    case trend(TrendCheck)
}
