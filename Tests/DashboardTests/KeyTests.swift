import Dashboard
import FleetModel
import Testing

@Suite struct KeyTests {
    @Test func bytesBecomeKeys() {
        let bytes: [UInt8] = [0x09] + Array("\u{1B}[A\u{1B}[B\u{1B}OC\u{1B}[D\u{1B}[Z".utf8) + [0x0D, 0x7F, 0x03] + Array("q?1".utf8) + [0x1B]
        #expect(KeyDecoder.keys(in: bytes) == [.tab, .up, .down, .right, .left, .backTab, .enter, .backspace, .interrupt,
                                               .character("q"), .character("?"), .character("1"), .escape])
    }

    @Test func unknownSequencesAreSkipped() {
        #expect(KeyDecoder.keys(in: Array("\u{1B}[15~x".utf8)) == [.character("x")])
    }

    let kinds = ["boiler", "ebike-battery", "speedgate"]

    @Test func tabAndNumbersSwitchViews() {
        var state = DashboardState()
        state.handle(.tab, kinds: kinds, orders: [])
        #expect(state.scope == "boiler")
        state.handle(.backTab, kinds: kinds, orders: [])
        state.handle(.backTab, kinds: kinds, orders: [])
        #expect(state.scope == "speedgate")
        state.handle(.character("1"), kinds: kinds, orders: [])
        #expect(state.scope == nil)
        state.handle(.character("3"), kinds: kinds, orders: [])
        #expect(state.scope == "ebike-battery")
        state.handle(.character("9"), kinds: kinds, orders: [])
        #expect(state.scope == "ebike-battery")
    }

    @Test func arrowsAndEnterDrillIntoADeviceAndEscapeComesBack() throws {
        let orders = try DashboardFixtures.aggregate().openOrders
        var state = DashboardState()
        for _ in 0..<10 { state.handle(.down, kinds: kinds, orders: orders) }
        #expect(state.selection == orders.count - 1)
        state.handle(.up, kinds: kinds, orders: orders)
        state.handle(.enter, kinds: kinds, orders: orders)
        #expect(state.page == .device(orders[orders.count - 2].device))
        state.handle(.escape, kinds: kinds, orders: orders)
        #expect(state.page == .overview)
    }

    @Test func helpAndQuit() {
        var state = DashboardState()
        state.handle(.character("?"), kinds: kinds, orders: [])
        #expect(state.page == .help)
        state.handle(.character("?"), kinds: kinds, orders: [])
        #expect(state.page == .overview)
        state.handle(.enter, kinds: kinds, orders: [])
        #expect(state.page == .overview)
        state.handle(.character("q"), kinds: kinds, orders: [])
        #expect(state.quit)
        var interrupted = DashboardState()
        interrupted.handle(.interrupt, kinds: kinds, orders: [])
        #expect(interrupted.quit)
    }
}
