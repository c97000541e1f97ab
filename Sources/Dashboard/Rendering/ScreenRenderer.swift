import FleetModel
import Impact

/// Draws one whole screen from the aggregate, the view state and the terminal's size: exactly
/// `rows` lines of exactly `columns` cells, so that a redraw overwrites everything and a snapshot
/// test compares plain text. One column up to 119 columns, two from 120.
public struct ScreenRenderer: Sendable {
    public var colour: Bool

    public init(colour: Bool = false) {
        self.colour = colour
    }

    public func render(_ aggregate: FleetAggregate, state: DashboardState, size: ScreenSize, devices: DeviceBook = DeviceBook()) -> [String] {
        lines(aggregate, state: state, size: size, devices: devices).map { $0.fitted(to: size.columns).rendered(colour: colour) }
    }

    func lines(_ aggregate: FleetAggregate, state: DashboardState, size: ScreenSize, devices: DeviceBook) -> [StyledLine] {
        guard size.columns >= 40, size.rows >= 10 else {
            return [StyledLine("Fleetprint: the terminal is \(size.columns)x\(size.rows); the dashboard needs 80x24")]
                + Array(repeating: StyledLine(), count: max(size.rows - 1, 0))
        }
        let header = [tabs(aggregate, state: state, width: size.columns), status(aggregate, paused: state.paused), traffic(aggregate, width: size.columns)]
        let rows = size.rows - header.count - 1
        let body: [StyledLine]
        switch state.page {
        case .help:
            body = Section.stack([Section("help", minimum: rows - 1) { _, _ in HelpLines.lines(tabs: aggregate.kinds.count + 1) }], width: size.columns, rows: rows)
        case .devices:
            body = deviceList(aggregate, state: state, devices: devices, size: ScreenSize(columns: size.columns, rows: rows))
        case .device(let key):
            let page: (Int) -> [StyledLine] = { width in
                if let detail = devices.detail(key) {
                    return DeviceLines.page(detail, instance: devices.rows[key]?.instance, now: aggregate.eventTime, wide: width >= 100)
                }
                // No detail held (none published yet, or beyond the book's limit): the orders the summaries name.
                let orders = aggregate.openOrders.filter { DeviceIdentity(kind: $0.kind, id: $0.device).key == key }
                return [StyledLine("no detail of this device yet: its daemon publishes it on fleetprint/impact/<instance>/device/\(key)", .dim)]
                    + OrderLines.device(orders, now: aggregate.eventTime)
            }
            body = Section.stack([Section("device \(key)", minimum: rows - 1) { width, _ in page(width) }], width: size.columns, rows: rows)
        case .overview:
            body = overview(aggregate, state: state, size: ScreenSize(columns: size.columns, rows: rows))
        }
        return header + body + [footer(state, kinds: aggregate.kinds.count)]
    }

    private func overview(_ aggregate: FleetAggregate, state: DashboardState, size: ScreenSize) -> [StyledLine] {
        guard let scope = aggregate.figures(of: state.scope) else {
            let waiting = aggregate.instances.isEmpty ? "waiting for a retained summary on fleetprint/impact/<instance>" : "no devices of this kind yet"
            return Section.stack([Section("impact", lines: [StyledLine(waiting, .dim)])], width: size.columns, rows: size.rows)
        }
        let wide = size.columns >= 120
        let impact = Section("\(scope.name): \(scope.devices) devices, \(Figure.amount(scope.serviceYears, "device-years")) of service", lines: ImpactLines.headline(scope, kinds: aggregate.kinds))
        // Projected deltas and classes beside the realised ones need about 140 columns.
        let categoryLines = ImpactLines.categories(scope, wide: size.columns >= 140, listEmpty: wide && size.rows >= 40)
        let categories = Section(ImpactLines.categoryHeading(wide: size.columns >= 140, aggregate: aggregate), minimum: min(categoryLines.count, 2), wanted: categoryLines.count) { _, _ in categoryLines }
        let chart = Section("cumulative net CO2-eq of \(state.scope ?? "the fleet"), realised, over event time", minimum: 3, wanted: wide ? size.rows : 3) { width, rows in
            CumulativeChart.lines(aggregate.chart(of: state.scope), width: width, rows: rows, unit: ImpactLines.co2)
        }
        let orders = aggregate.orders(of: state.scope)
        let alarms = orders.filter { $0.priority == .alarm }.count
        let total = state.scope == nil ? aggregate.openOrderCount : orders.count
        let list = Section("open work orders: \(total) (\(alarms) alarms shown), most urgent first", minimum: 1, wanted: size.rows) { width, rows in
            guard !orders.isEmpty else { return [StyledLine("none open", .dim)] }
            let first = max(0, min(state.selection - rows + 1, orders.count - rows))
            return orders.indices.dropFirst(first).prefix(rows).map { index in
                let row = OrderLines.row(orders[index], now: aggregate.eventTime, showKind: state.scope == nil, wide: width >= 100)
                return index == state.selection ? StyledLine(row.fitted(to: width).text, .selected) : row
            }
        }
        guard wide else { return Section.stack([impact, categories, chart, list], width: size.columns, rows: size.rows) }
        // Wide: the figures across the whole width, the chart and the orders side by side below.
        let bottomRows = max(size.rows - 1 - impact.minimum - 1 - categoryLines.count, 10)
        let top = Section.stack([impact, categories], width: size.columns, rows: size.rows - bottomRows)
        let leftWidth = size.columns / 2 - 1
        let left = Section.stack([chart], width: leftWidth, rows: bottomRows)
        let right = Section.stack([list], width: size.columns - leftWidth - 1, rows: bottomRows)
        return top + zip(left, right).map { pair in
            var line = pair.0
            line += (" ", .plain)
            line.spans += pair.1.spans
            return line
        }
    }

    /// The devices of the tab, filtered and sorted, with the selected one highlighted.
    private func deviceList(_ aggregate: FleetAggregate, state: DashboardState, devices: DeviceBook, size: ScreenSize) -> [StyledLine] {
        let list = devices.list(kind: state.scope, filter: state.filter, sort: state.sort)
        let filter = state.editingFilter ? "filter: \(state.filter)_" : state.filter.isEmpty ? "no filter" : "filter '\(state.filter)'"
        let beyond = devices.unlisted > 0 ? " · \(devices.unlisted) more not held" : ""
        let title = "devices of \(state.scope ?? "the fleet"): \(list.count) · sorted by \(state.sort.rawValue) · \(filter)\(beyond)"
        let section = Section(title, minimum: size.rows - 1) { width, rows in
            guard !devices.rows.isEmpty else {
                return [StyledLine("no device details yet: daemons publish them on fleetprint/impact/<instance>/device/<kind>/<device>", .dim)]
            }
            let wide = width >= 100
            let heading = DeviceLines.heading(showKind: state.scope == nil, wide: wide)
            guard !list.isEmpty else { return [heading, StyledLine("no device matches", .dim)] }
            let shown = rows - 1
            let first = max(0, min(state.selection - shown + 1, list.count - shown))
            return [heading] + list.indices.dropFirst(first).prefix(shown).map { index in
                let row = DeviceLines.row(list[index], now: aggregate.eventTime, showKind: state.scope == nil, wide: wide)
                return index == state.selection ? StyledLine(row.fitted(to: width).text, .selected) : row
            }
        }
        return Section.stack([section], width: size.columns, rows: size.rows)
    }

    private func tabs(_ aggregate: FleetAggregate, state: DashboardState, width: Int) -> StyledLine {
        let names = ["fleet"] + aggregate.kinds.map(\.name)
        let title = width >= 120 ? "Fleetprint " : ""
        let longest = max((width - title.count - names.count * 4) / max(names.count, 1), 5)
        var line = StyledLine(title, .bold)
        for (index, name) in names.enumerated() {
            let selected = (index == 0 && state.scope == nil) || name == state.scope && index > 0
            line += " "
            line += (" \(index + 1) \(name.prefix(longest)) ", selected ? .selected : .plain)
        }
        return line
    }

    private func status(_ aggregate: FleetAggregate, paused: Bool) -> StyledLine {
        var line = paused ? StyledLine("PAUSED ", .selected) : StyledLine()
        line += "event "
        line += (aggregate.eventTime.map(Figure.minute) ?? "none yet", .bold)
        let count = aggregate.instances.count
        line += " │ \(count == 1 ? "daemon" : "daemons") \(count > 0 ? aggregate.instances.joined(separator: ", ") : "none")"
        if let partitions = aggregate.partitions {
            line += " │ "
            line += (partitions.text, partitions.isComplete ? .plain : .alarm)
        }
        if let fleet = aggregate.fleet {
            line += " │ \(fleet.devices) devices: "
            if let online = fleet.online {
                line += ("\(min(online, fleet.devices)) online", .rose(.better25))
                line += ", "
                line += ("\(fleet.offline) offline", fleet.offline > 0 ? .alarm : .plain)
            } else {
                line += "online n/a"
            }
        }
        return line
    }

    private func traffic(_ aggregate: FleetAggregate, width: Int) -> StyledLine {
        var line = StyledLine(Figure.amount(aggregate.messagesPerSecond, "msg/s"), .bold)
        line += " "
        line += (Sparkline.line(aggregate.rateHistory, width: width >= 120 ? 40 : 16), .rose(.better10))
        let counters = aggregate.counters
        line += " │ \(counters.messages) msgs · \(counters.deadLettersTotal) dead letters · \(counters.workOrdersIssued) orders"
        line += " │ CPU \(Figure.amount(aggregate.cpuSeconds, "s"))"
        return line
    }

    private func footer(_ state: DashboardState, kinds: Int) -> StyledLine {
        let keys = switch state.page {
        case .overview: "↑↓ Enter: order's device · d: devices"
        case .devices: state.editingFilter ? "type a filter · Enter: keep · Esc: clear" : "↑↓ Enter: open · s: sort · /: filter · Esc: back"
        case .device, .help: "Esc: back"
        }
        return StyledLine("Tab/1-\(kinds + 1): view · \(keys) · p: \(state.paused ? "resume" : "pause") · ?: help · q: quit", .dim)
    }
}
