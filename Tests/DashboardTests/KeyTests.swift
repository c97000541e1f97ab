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
        #expect(state.page == .device("\(orders[orders.count - 2].kind)/\(orders[orders.count - 2].device)"))
        state.handle(.escape, kinds: kinds, orders: orders)
        #expect(state.page == .overview)
    }

    @Test("d lists the tab's devices; s sorts, / filters (a q typed there is a letter), Enter opens one and Esc goes back to the list")
    func deviceList() throws {
        let book = try DashboardFixtures.devices()
        var state = DashboardState(scope: "boiler")
        func list() -> [DeviceRow] { book.list(kind: state.scope, filter: state.filter, sort: state.sort) }
        func press(_ keys: Key...) { for key in keys { state.handle(key, kinds: kinds, orders: [], devices: list()) } }
        press(.character("d"))
        #expect(state.page == .devices && list().map(\.device) == ["b-003", "b-002", "b-001", "b-101"], "alarms first, then most orders")
        press(.character("s"))
        #expect(state.sort == .health && list().first?.device == "b-003")
        press(.character("s"))
        #expect(state.sort == .age && list().first?.device == "b-101")
        press(.character("/"), .character("q"), .character("0"), .character("1"))
        #expect(state.editingFilter && state.filter == "q01" && !state.quit && list().isEmpty)
        press(.backspace, .backspace, .backspace, .character("0"), .character("0"), .character("3"), .enter)
        #expect(!state.editingFilter && state.filter == "003" && list().map(\.device) == ["b-003"])
        press(.enter)
        #expect(state.page == .device("boiler/b-003"))
        press(.escape)
        #expect(state.page == .devices)
        press(.character("/"), .character("x"), .escape)
        #expect(state.filter.isEmpty && !state.editingFilter)
        press(.tab)
        #expect(state.scope == "ebike-battery" && state.page == .devices)
        press(.escape)
        #expect(state.page == .overview)
    }

    @Test func pauseToggles() {
        var state = DashboardState()
        state.handle(.character("p"), kinds: kinds, orders: [])
        #expect(state.paused)
        state.handle(.character("p"), kinds: kinds, orders: [])
        #expect(!state.paused)
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
