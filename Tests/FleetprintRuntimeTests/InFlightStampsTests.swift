import Simulation
import Testing
@testable import FleetprintRuntime

@Suite("Messages in flight between the simulator and the pipeline thread")
struct InFlightStampsTests {
    @Test("oldest first, through many rounds of appends and removals, compacting as it goes")
    func fifo() {
        var stamps = InFlightStamps()
        #expect(stamps.isEmpty && stamps.oldest == nil)
        var (sent, done) = (0, 0)
        for round in 0..<3000 {
            for _ in 0..<(3 + round % 5) {
                stamps.append(EventStamp(time: Int64(sent), event: sent))
                sent += 1
            }
            let finished = min(sent - done, 2 + round % 5)
            stamps.removeOldest(finished)
            done += finished
            #expect(stamps.oldest?.event == (done < sent ? done : nil))
        }
        stamps.removeOldest(sent)
        #expect(stamps.isEmpty)
    }
}
