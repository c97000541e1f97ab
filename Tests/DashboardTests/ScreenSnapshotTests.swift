import Dashboard
import Testing

@Suite struct ScreenSnapshotTests {
    let renderer = ScreenRenderer(colour: false)

    func screen(_ state: DashboardState, _ size: ScreenSize) throws -> [String] {
        let lines = renderer.render(try DashboardFixtures.aggregate(), state: state, size: size)
        #expect(lines.count == size.rows)
        #expect(lines.allSatisfy { $0.count == size.columns })
        return lines
    }

    @Test(arguments: [ScreenSize(columns: 80, rows: 24), ScreenSize(columns: 160, rows: 48)])
    func fleet(size: ScreenSize) throws {
        try Snapshot.expect(try screen(DashboardState(), size), named: "fleet-\(size.columns)x\(size.rows)")
    }

    @Test(arguments: [ScreenSize(columns: 80, rows: 24), ScreenSize(columns: 160, rows: 48)])
    func boiler(size: ScreenSize) throws {
        try Snapshot.expect(try screen(DashboardState(scope: "boiler"), size), named: "boiler-\(size.columns)x\(size.rows)")
    }

    @Test("a fleet of 0.05 device-years says it is too early to judge, in the headline, the categories and the status line")
    func tooEarlyToJudge() throws {
        let early = try DashboardFixtures.aggregate(at: [0.001, 0.0031])
        let fleet = try #require(early.fleet)
        #expect(abs(fleet.serviceYears - 0.05) < 0.002)
        let lines = renderer.render(early, state: DashboardState(), size: .minimum)
        try Snapshot.expect(lines, named: "early-fleet-80x24")
        let screen = lines.joined(separator: "\n")
        #expect(screen.contains("CO2-eq realised too early to judge"))
        #expect(screen.contains("water use             too early to judge"))
        let status = StatusRecord(early)
        #expect(status.fleet?.realisedVerdict == "too-early" && status.fleet?.co2RealisedRelative == nil)
        #expect(status.plain.contains("CO2-eq realised too early to judge (0.0495 device-years)"))
    }

    @Test func deviceDrillDown() throws {
        var state = DashboardState()
        let aggregate = try DashboardFixtures.aggregate()
        for key in [Key.down, .down, .enter] { state.handle(key, kinds: aggregate.kinds.map(\.name), orders: aggregate.orders(of: nil)) }
        #expect(state.page == .device("boiler/b-002"))
        try Snapshot.expect(try screen(state, .minimum), named: "device-80x24")
    }

    @Test("the device list of the boilers, sorted by open orders, and of the fleet", arguments: [ScreenSize(columns: 80, rows: 24), ScreenSize(columns: 160, rows: 48)])
    func devices(size: ScreenSize) throws {
        let book = try DashboardFixtures.devices()
        var state = DashboardState(scope: "boiler")
        state.handle(.character("d"), kinds: [], orders: [])
        state.handle(.down, kinds: [], orders: [], devices: book.list(kind: "boiler", filter: "", sort: .orders))
        let lines = renderer.render(try DashboardFixtures.aggregate(), state: state, size: size, devices: book)
        try Snapshot.expect(lines, named: "devices-\(size.columns)x\(size.rows)")
        #expect(lines.contains { $0.hasPrefix("b-002 ") || $0.contains(" b-002 ") })
    }

    @Test("a device's page: readings, rule states, health, orders and ledger", arguments: [ScreenSize(columns: 80, rows: 24), ScreenSize(columns: 160, rows: 48)])
    func devicePage(size: ScreenSize) throws {
        let book = try DashboardFixtures.devices()
        var state = DashboardState(scope: "boiler")
        let list = book.list(kind: "boiler", filter: "", sort: .orders)
        for key in [Key.character("d"), .down, .enter] { state.handle(key, kinds: [], orders: [], devices: list) }
        #expect(state.page == .device("boiler/b-002"))
        let lines = renderer.render(try DashboardFixtures.aggregate(), state: state, size: size, devices: book)
        try Snapshot.expect(lines, named: "device-page-\(size.columns)x\(size.rows)")
        let screen = lines.joined(separator: "\n")
        #expect(screen.contains("flue_gas_temperature") && screen.contains("flue-gas-high") && screen.contains("closed lately"))
    }

    @Test func paused() throws {
        var state = DashboardState()
        state.handle(.character("p"), kinds: [], orders: [])
        let lines = renderer.render(try DashboardFixtures.aggregate(), state: state, size: .minimum)
        #expect(lines[1].hasPrefix("PAUSED event"))
        #expect(lines.last?.contains("p: resume") == true)
    }

    @Test func help() throws {
        var state = DashboardState()
        state.handle(.character("?"), kinds: [], orders: [])
        try Snapshot.expect(try screen(state, .minimum), named: "help-80x24")
    }

    @Test func colourAddsOnlyEscapes() throws {
        let aggregate = try DashboardFixtures.aggregate()
        let coloured = ScreenRenderer(colour: true).render(aggregate, state: DashboardState(), size: .minimum)
        let plain = renderer.render(aggregate, state: DashboardState(), size: .minimum)
        #expect(coloured.joined().contains("\u{1B}[38;5;"))
        let stripped = coloured.map { $0.replacing(/\x1B\[[0-9;]*m/, with: "") }
        #expect(stripped == plain)
    }

    @Test func tooSmallSaysSo() throws {
        let lines = renderer.render(try DashboardFixtures.aggregate(), state: DashboardState(), size: ScreenSize(columns: 30, rows: 8))
        #expect(lines.count == 8)
        #expect(lines[0].hasPrefix("Fleetprint: the terminal is 30"))
    }

    @Test func waitingBeforeTheFirstSummary() {
        let lines = renderer.render(FleetAggregate(), state: DashboardState(), size: .minimum)
        #expect(lines.contains { $0.contains("waiting for a retained summary") })
    }
}
