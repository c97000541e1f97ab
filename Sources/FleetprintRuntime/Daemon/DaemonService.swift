import ServiceLifecycle

/// The daemon as a swift-service-lifecycle service: SIGINT or SIGTERM starts a graceful
/// shutdown, which ends the job's loop; the job then checkpoints and disconnects.
public struct DaemonService: Service {
    public let job: DaemonJob

    public init(job: DaemonJob) {
        self.job = job
    }

    public func run() async throws {
        let (stop, stopNow) = AsyncStream.makeStream(of: Void.self)
        try await withGracefulShutdownHandler {
            try await job.run(until: stop)
        } onGracefulShutdown: {
            stopNow.yield()
        }
    }
}

extension DaemonService: CustomStringConvertible {
    /// What swift-service-lifecycle logs for this service at debug level: its name, not the
    /// whole job with every profile and factor in it.
    public var description: String { "DaemonService(instance: \(job.configuration.instance))" }
}
