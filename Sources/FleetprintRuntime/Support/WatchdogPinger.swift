/// Sends systemd's `WATCHDOG=1` from the loop whose progress shows that the daemon works: called
/// on each turn of that loop, it pings once per `watchdogInterval`. A timer of its own would go on
/// pinging while the loop hangs, and systemd would never restart a stuck daemon.
struct WatchdogPinger {
    let notifier: SystemdNotifier
    private var lastPing: ContinuousClock.Instant?

    init(notifier: SystemdNotifier) {
        self.notifier = notifier
    }

    /// The loop made progress at `now`: pings if the last ping is an interval old.
    mutating func alive(now: ContinuousClock.Instant = .now) {
        guard let interval = notifier.watchdogInterval else { return }
        if let lastPing, now - lastPing < interval { return }
        lastPing = now
        notifier.send("WATCHDOG=1")
    }
}
