import CoreMetrics
import Prometheus

/// Makes swift-metrics handles whose backend is one Prometheus registry, each with the HELP text
/// the exposition needs: swift-metrics has no place for one, and `promtool check metrics` flags a
/// metric without it. The registry returns the existing series for a name and labels it already
/// holds, so asking twice is harmless; the hot path only ever holds handles made here once.
struct MetricCatalog: Sendable {
    let registry = PrometheusCollectorRegistry()
    private var factory: PrometheusMetricsFactory { PrometheusMetricsFactory(registry: registry) }

    func counter(_ name: String, _ help: String, labels: [(String, String)] = []) -> CoreMetrics.Counter {
        CoreMetrics.Counter(label: name, dimensions: labels, handler: registry.makeCounter(descriptor: Self.descriptor(name, help), labels: labels),
                            factory: factory)
    }

    /// A counter of fractions (CPU seconds).
    func fractionalCounter(_ name: String, _ help: String) -> FloatingPointCounter {
        FloatingPointCounter(label: name, dimensions: [], handler: registry.makeCounter(descriptor: Self.descriptor(name, help), labels: []),
                             factory: factory)
    }

    func gauge(_ name: String, _ help: String, labels: [(String, String)] = []) -> Meter {
        Meter(label: name, dimensions: labels, handler: registry.makeGauge(descriptor: Self.descriptor(name, help), labels: labels), factory: factory)
    }

    /// A histogram of durations in seconds, with upper bounds `buckets`.
    func timer(_ name: String, _ help: String, buckets: [Duration]) -> CoreMetrics.Timer {
        CoreMetrics.Timer(label: name, dimensions: [],
                          handler: registry.makeDurationHistogram(descriptor: Self.descriptor(name, help), labels: [], buckets: buckets),
                          factory: factory)
    }

    /// The text exposition format (0.0.4) of everything made here.
    func exposition() -> String {
        registry.emitToString()
    }

    /// The whole name goes in `metricName`: the descriptor joins only the parts that are not empty.
    private static func descriptor(_ name: String, _ help: String) -> MetricNameDescriptor {
        MetricNameDescriptor(metricName: name, unitName: "", helpText: help)
    }
}
