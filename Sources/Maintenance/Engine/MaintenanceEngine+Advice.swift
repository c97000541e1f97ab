import FleetModel
import Foundation

/// ISO 13374 advisory generation: orders from rule firings, closing them, and service reports.
extension MaintenanceEngine {
    /// Applies a service report: closes the order it names, cancels any other open order of the
    /// components it serviced, re-arms the rules of the serviced components (counters restart, wear history is
    /// forgotten) and returns the report for the ledger. A report for an order already closed is
    /// a redelivery and changes nothing.
    public func apply(_ report: ServiceEvent, state: inout DeviceState) -> MaintenanceOutput {
        let named = report.workOrder.flatMap(state.orderNumber)
        if let named, state.recentlyClosed.contains(named) { return MaintenanceOutput(disposition: .duplicate) }
        var output = MaintenanceOutput()
        var event = report
        var serviced = Set(report.kit.map { [$0] } ?? [])
        if let open = state.openOrder(numbered: named).map({ state.openOrders[$0] }) {
            serviced.insert(open.origin.component)
            event.kit = event.kit ?? open.origin.kit
        }
        if report.action == .replacement { serviced.formUnion(rules.map(\.component)) }
        // The orders to close are taken out first: closing one while the device's orders are
        // being read would copy the device's slots.
        for open in state.openOrders.filter({ serviced.contains($0.origin.component) || $0.number == named }) {
            let isNamed = open.number == named
            let closure = WorkOrderClosure(cause: .serviceReport, action: report.action, report: report.report, workOrder: isNamed ? nil : report.workOrder)
            close(open.number, as: isNamed ? .closed : .cancelled, at: report.time, by: closure, state: &state, output: &output)
        }
        for (r, rule) in rules.enumerated() where serviced.contains(rule.component) {
            state.levels[r] = nil
            setMemory(rule.resetMemory(memory(of: r, in: state)), of: r, in: &state)
            setTrendSlices([], of: rule.metricIndex, in: &state)
        }
        state.lastService = max(state.lastService ?? report.time, report.time)
        output.serviceEvents.append(event)
        return output
    }

    /// Turns a rule's verdict into orders: a firing above the rule's level issues an order unless
    /// one is open for the component; a clear re-arms the rule and closes its remote or customer
    /// order (the fault went away without a visit).
    func advise(_ r: Int, _ assessment: Assessment, at time: Date, state: inout DeviceState, output: inout MaintenanceOutput) {
        switch assessment {
        case .hold:
            return
        case .fire(let priority, let values):
            fire(r, priority, reason: .text("\(rules[r].spec.id): \(values)"), at: time, state: &state, output: &output)
        case .silent(let reason):
            fire(r, .alert, reason: reason, at: time, state: &state, output: &output)
        case .clear:
            guard state.levels[r] != nil else { return }
            state.levels[r] = nil
            let id = rules[r].spec.id
            for open in state.openOrders.filter({ $0.origin.rule == id && $0.origin.resolution != .technician }) {
                let action: ServiceAction = open.origin.resolution == .remote ? .remoteFix : .customerFix
                close(open.number, as: .closed, at: time, by: WorkOrderClosure(cause: .faultCleared, action: action), state: &state, output: &output)
                output.serviceEvents.append(ServiceEvent(device: state.device, kind: state.kind, time: time, action: action,
                                                         kit: open.origin.kit, workOrder: WorkOrder.id(of: state.identity, number: Int(open.number))))
            }
        }
    }

    /// A firing at `priority`: an order, unless the rule has fired at this level or higher already.
    private func fire(_ r: Int, _ priority: WorkOrderPriority, reason: OrderReason, at time: Date, state: inout DeviceState, output: inout MaintenanceOutput) {
        if let level = state.levels[r], level == .alarm || priority == .alert { return }
        state.levels[r] = priority
        issue(r, priority, reason: reason, at: time, state: &state, output: &output)
    }

    private func issue(_ r: Int, _ priority: WorkOrderPriority, reason: OrderReason, at time: Date, state: inout DeviceState, output: inout MaintenanceOutput) {
        let rule = rules[r]
        if let open = state.openOrders.firstIndex(where: { $0.origin.component == rule.component }) {
            if priority == .alarm, state.openOrders[open].priority == .alert {
                escalate(open, reason: reason, at: time, state: &state, output: &output)
            } else {
                output.suppressed += 1
                state.counts.suppressed += 1
            }
            return
        }
        state.counts.ordersIssued += 1
        let order = OpenOrder(origin: rule.origin, number: UInt32(clamping: state.orderSequence), priority: priority, reason: reason,
                              issuedAt: time, due: time.addingTimeInterval(lead(r, priority, state: state)))
        state.addOpenOrder(order)
        output.workOrders.append(order.workOrder(of: state))
    }

    /// Raises the open order to alarm: due within the alarm lead (never later than it was), with
    /// the alarm's reason; its id, rule and kit stay, so the visit already planned is brought forward.
    private func escalate(_ open: Int, reason: OrderReason, at time: Date, state: inout DeviceState, output: inout MaintenanceOutput) {
        state.openOrders[open].escalate(reason: reason, at: time, dueBy: time.addingTimeInterval(settings.alarmLead))
        output.escalatedOrders.append(state.openOrders[open].workOrder(of: state))
    }

    /// Time until the order is due: short for an alarm; otherwise the remaining useful life from
    /// the metric's trend when there is one, the alert lead when not.
    private func lead(_ r: Int, _ priority: WorkOrderPriority, state: DeviceState) -> TimeInterval {
        guard priority == .alert else { return settings.alarmLead }
        let m = rules[r].metricIndex
        let life = prognosis(of: m, in: state)?.remainingLife
        return max(settings.alarmLead, life.map { min($0, settings.alertLead * 6) } ?? settings.alertLead)
    }

    private func close(_ number: UInt32, as status: WorkOrderStatus, at time: Date, by closure: WorkOrderClosure,
                       state: inout DeviceState, output: inout MaintenanceOutput) {
        guard let index = state.openOrder(numbered: number) else { return }
        output.closedOrders.append(state.removeOpenOrder(at: index).workOrder(of: state).with(status: status, at: time, closedBy: closure))
        state.rememberClosed(number, limit: settings.closedMemory)
    }
}
