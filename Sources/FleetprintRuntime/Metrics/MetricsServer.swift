import Foundation
import Logging
import ServiceLifecycle

/// A minimal HTTP endpoint for Prometheus: `GET /metrics` answers the exposition text, anything
/// else 404. A blocking accept loop on its own thread, each connection on a thread of its own with
/// a timeout, so neither a slow scraper nor an idle connection stalls the daemon or the next
/// scrape; closing the socket ends it on graceful shutdown.
public struct MetricsServer: Service {
    public let host: String
    public let port: Int
    public let metrics: DaemonMetrics
    public let logger: Logger

    public init(address: String, metrics: DaemonMetrics, logger: Logger) throws {
        let parts = address.split(separator: ":")
        guard parts.count == 2, let port = Int(parts[1]), (1...65_535).contains(port) else {
            throw DaemonConfigurationError(file: "configuration", line: nil, field: "metrics", message: "expected host:port, as in 127.0.0.1:9464, got '\(address)'")
        }
        host = String(parts[0])
        self.port = port
        self.metrics = metrics
        self.logger = logger
    }

    public func run() async throws {
        let socket = try MetricsSocket(host: host, port: port)
        logger.info("metrics on http://\(host):\(port)/metrics")
        let metrics = self.metrics
        let thread = Thread { socket.serve { path in path == "/metrics" ? metrics.exposition() : nil } }
        thread.start()
        await withGracefulShutdownHandler {
            while !Task.isCancelled && !Task.isShuttingDownGracefully {
                try? await Task.sleep(for: .milliseconds(200))
            }
        } onGracefulShutdown: {}
        socket.close()
    }
}
