import CoreMetrics

/// One broker connection's series: whether it is up, and how often it was lost and made again
/// (libmosquitto reconnects by itself).
struct BrokerMetrics: Sendable {
    private let connected: Meter
    private let disconnects: Counter
    private let reconnects: Counter

    init(broker: String, connected isUp: Bool, _ catalog: MetricCatalog) {
        let labels = [("broker", broker)]
        connected = catalog.gauge("fleetprint_broker_connected", "1 while the connection to this broker is up, 0 while it is lost.", labels: labels)
        disconnects = catalog.counter("fleetprint_broker_disconnects_total", "Connections to this broker lost.", labels: labels)
        reconnects = catalog.counter("fleetprint_broker_reconnects_total", "Connections to this broker made again after a loss.", labels: labels)
        connected.set(isUp ? 1 : 0)
    }

    func lost() {
        connected.set(0)
        disconnects.increment()
    }

    func back() {
        connected.set(1)
        reconnects.increment()
    }
}
