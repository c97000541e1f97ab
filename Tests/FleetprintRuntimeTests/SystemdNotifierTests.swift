import FleetprintTestSupport
import Foundation
import Testing
@testable import FleetprintRuntime

/// sd_notify's socket protocol, against a socket bound by the test in systemd's place.
@Suite("systemd notifications")
struct SystemdNotifierTests {
    @Test("messages reach a socket named by a path, and one in the abstract namespace", arguments: [false, true])
    func sends(abstract: Bool) throws {
        let listener = try NotifySocketListener(abstract: abstract)
        let notifier = SystemdNotifier(environment: ["NOTIFY_SOCKET": listener.address])
        #expect(notifier.send("READY=1", "STATUS=subscribed to 1 broker"))
        #expect(listener.receive(within: 2) == "READY=1\nSTATUS=subscribed to 1 broker")
        #expect(notifier.send("STOPPING=1"))
        #expect(listener.receive(within: 2) == "STOPPING=1")
    }

    @Test("without NOTIFY_SOCKET nothing is sent and there is no watchdog")
    func silent() {
        let notifier = SystemdNotifier(environment: ["WATCHDOG_USEC": "30000000"])
        #expect(notifier.socketPath == nil)
        #expect(notifier.watchdogInterval == nil)
        #expect(!notifier.send("READY=1"))
    }

    @Test("the watchdog is pinged at half of WATCHDOG_USEC, only when WATCHDOG_PID is this process or unset")
    func watchdogInterval() {
        let socket = ["NOTIFY_SOCKET": "/run/systemd/notify", "WATCHDOG_USEC": "30000000"]
        #expect(SystemdNotifier(environment: socket, processID: 7).watchdogInterval == .seconds(15))
        #expect(SystemdNotifier(environment: socket.merging(["WATCHDOG_PID": "7"]) { $1 }, processID: 7).watchdogInterval == .seconds(15))
        #expect(SystemdNotifier(environment: socket.merging(["WATCHDOG_PID": "8"]) { $1 }, processID: 7).watchdogInterval == nil)
        #expect(SystemdNotifier(environment: ["NOTIFY_SOCKET": "/run/systemd/notify"], processID: 7).watchdogInterval == nil)
    }

    @Test("the pinger sends WATCHDOG=1 at most once an interval, however often the loop turns")
    func pinger() throws {
        let listener = try NotifySocketListener()
        var pinger = WatchdogPinger(notifier: SystemdNotifier(environment: ["NOTIFY_SOCKET": listener.address, "WATCHDOG_USEC": "2000000"]))
        let start = ContinuousClock.now
        for offset in [0, 100, 900, 999, 1000, 1500, 2100] {
            pinger.alive(now: start + .milliseconds(offset))
        }
        // At 0, 1000 and 2100 ms: each a full second (half of WATCHDOG_USEC) after the last ping.
        #expect((0..<3).map { _ in listener.receive(within: 2) } == Array(repeating: "WATCHDOG=1", count: 3))
        #expect(listener.receive(within: 0.2) == nil)
    }
}
