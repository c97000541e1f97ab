import FleetModel
import Foundation
import Pipeline
import Simulation

/// The simulator and the daemon's own pipeline in one process: each simulated message goes
/// through `FleetPipeline` exactly as the daemon would take it from the broker, and the work
/// orders it issues go back to the simulator's technicians. The recorded messages are what a
/// file holds, so replaying that file through a fresh pipeline gives the same ledger.
///
/// The two run on two threads. The simulator runs ahead of the pipeline by less than the
/// shortest order lead, and holds each job until every message sent so far has been processed
/// and its orders and closures applied; feedback applied late then acts exactly as if it had
/// come at once, so the output does not depend on thread timing (or on `handoff`).
public struct ClosedLoop: Sendable {
    public private(set) var simulator: FleetSimulator
    public private(set) var pipeline: FleetPipeline

    public init(library: ProfileLibrary, settings: SimulationSettings) throws(SimulationError) {
        simulator = try FleetSimulator(library: library, settings: settings)
        pipeline = FleetPipeline(library: library)
    }

    /// Runs to the end or until `stop`, giving every message as sent to `record`, in order, and
    /// returns when the pipeline has processed every one of them.
    /// `handoff`: messages passed to the pipeline thread at a time (fewer when it has run dry).
    /// `lead`: event seconds the simulator may run ahead of unapplied feedback, at most
    /// `FleetSimulator.orderLead`; 0 runs the two in lockstep, one message at a time.
    public mutating func run(stop: StopFlag, handoff: Int = 32, lead: Int64 = FleetSimulator.orderLead, record: (StreamRecord) throws -> Void) throws {
        precondition(lead <= FleetSimulator.orderLead, "an order could act before the simulator hears of it")
        let messages = Handoff<LoopMessage>()
        let feedback = Handoff<LoopFeedback>()
        let finished = Handoff<FleetPipeline>()
        Thread { [pipeline] in
            var pipeline = pipeline
            while let batch = messages.next() {
                var replies: [LoopFeedback] = []
                for message in batch {
                    let time = Date(timeIntervalSince1970: message.time)
                    let output = message.parsed.map { pipeline.ingest($0, receivedAt: time) } ?? pipeline.runTimers(through: time)
                    for order in output.workOrders + output.escalatedOrders { replies.append(.accept(order, message.stamp)) }
                    for order in output.closedOrders { replies.append(.close(order.id)) }
                }
                replies.append(.processed(batch))
                feedback.push(replies)
            }
            feedback.close()
            finished.push([pipeline])
            finished.close()
        }.start()
        var inFlight = InFlightStamps()
        defer {
            messages.close()
            while let replies = feedback.next() { apply(replies, inFlight: &inFlight) }
            pipeline = finished.next()![0]
        }
        let parser = pipeline.parser
        var pending: [LoopMessage] = []
        var timersThrough = Int64.min
        // Records are written while waiting on the pipeline thread, so writing costs no time there.
        var unwritten: [StreamRecord] = []
        var progress = ProgressReporter(label: "simulate")
        defer { progress.finish(fraction: simulator.progress, eventTime: Double(simulator.now), devices: simulator.deviceCount, messages: simulator.messageCount) }
        while !stop.isSet {
            apply(feedback.takeAll(), inFlight: &inFlight)
            let limit = inFlight.oldest.map { $0.time + lead } ?? .max
            switch simulator.next(before: limit, ordersSettled: inFlight.isEmpty, timersThrough: timersThrough) {
            case .message(let message):
                let (topic, payload) = message.wire
                let time = Double(message.time)
                unwritten.append(StreamRecord(time: time, topic: topic, payload: payload))
                if unwritten.count >= 4096 { try write(&unwritten, to: record) }
                inFlight.append(simulator.stamp)
                pending.append(LoopMessage(parsed: parser.parse(topic: topic, payload: payload), time: time, stamp: simulator.stamp))
                if pending.count >= handoff || messages.isDrained { messages.push(pending); pending = [] }
                progress.update(fraction: simulator.progress, eventTime: time, devices: simulator.deviceCount, messages: simulator.messageCount)
            case .timersNeeded(let time):
                timersThrough = time
                inFlight.append(simulator.stamp)
                messages.push(pending + [LoopMessage(parsed: nil, time: Double(time), stamp: simulator.stamp)])
                pending = []
            case .waiting:
                messages.push(pending)
                pending = []
                try write(&unwritten, to: record)
                apply(feedback.next() ?? [], inFlight: &inFlight)
            case .finished:
                messages.push(pending)
                try write(&unwritten, to: record)
                return
            }
        }
        messages.push(pending)
        try write(&unwritten, to: record)
    }

    private func write(_ records: inout [StreamRecord], to record: (StreamRecord) throws -> Void) throws {
        for sent in records { try record(sent) }
        records.removeAll(keepingCapacity: true)
    }

    private mutating func apply(_ replies: [LoopFeedback], inFlight: inout InFlightStamps) {
        for reply in replies {
            switch reply {
            case .accept(let order, let stamp): simulator.accept(order, after: stamp)
            case .close(let id): simulator.orderClosed(id)
            case .processed(let batch): inFlight.removeOldest(batch.count)
            }
        }
    }
}
