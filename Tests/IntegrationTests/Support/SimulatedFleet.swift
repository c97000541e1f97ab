import FleetModel
import FleetprintTestSupport
import Foundation
import Simulation
@testable import FleetprintRuntime

/// A small mixed fleet from the simulator's closed loop: its messages (telemetry, and the
/// technicians' service reports, which name the orders a daemon issues) and what one daemon makes
/// of them. Set in 2020, so that no reading is "too new" for a partition whose devices are
/// sparse: their arrival time is later.
struct SimulatedFleet {
    let messages: [(topic: String, payload: [UInt8])]
    let expected: OneDaemonRun

    static func run() throws -> SimulatedFleet {
        let settings = SimulationSettings(fleet: FleetSpec(["boiler": 4, "ebike-battery": 3, "speedgate": 3, "facade": 2, "underground-container": 3]),
                                          years: 2, period: 86_400, seed: 9, mode: .cbm, start: Date(timeIntervalSince1970: 1_577_836_800))
        var loop = try ClosedLoop(library: try BoilerStream.library(), settings: settings)
        var records: [StreamRecord] = []
        try loop.run(stop: StopFlag()) { records.append($0) }
        // Each received when it was sent, as in the loop.
        let expected = try OneDaemonRun(records.map { ($0.topic, $0.payload, Date(timeIntervalSince1970: $0.time)) })
        return SimulatedFleet(messages: records.map { ($0.topic, $0.payload) }, expected: expected)
    }
}
