import FleetModel
import FleetprintTestSupport
import Foundation
import Impact
import Simulation
import Testing
@testable import FleetprintRuntime

@Suite("Sharded simulation and merged ledgers")
struct ShardedSimulationTests {
    private static let fleet: KeyValuePairs<String, Int> = ["boiler": 3, "ebike-battery": 3, "speedgate": 2, "facade": 2, "underground-container": 2]

    /// One in-process run of the fleet (or of a shard of it): its stream's lines and its ledger file.
    private static func run(shard: Partition?, in folder: URL) throws -> (lines: [String], ledger: URL) {
        let name = shard?.nameSuffix ?? "whole"
        let (stream, ledger) = (folder.appendingPathComponent("\(name).ndjson"), folder.appendingPathComponent("\(name).json"))
        let settings = SimulationSettings(fleet: FleetSpec(fleet), years: 3, period: 86_400, seed: 5, mode: .cbm, shard: shard)
        let loop = try SimulateJob(library: try BoilerStream.library(), settings: settings, output: stream).runInProcess()
        try LedgerFile(shards: shard.map { [$0] }, ledger: loop.pipeline.state.ledger).write(to: ledger)
        let lines = try String(contentsOf: stream, encoding: .utf8).split(separator: "\n").dropFirst().map(String.init)
        return (lines, ledger)
    }

    private static func scratch() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fleetprint-shards-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test("three shards give each device the stream it has in the whole fleet, and their merged ledger is the whole fleet's, byte for byte")
    func threeShardsMergeToTheWhole() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let whole = try Self.run(shard: nil, in: folder)
        let shards = try Partition(parsing: "0/3").siblings.map { try Self.run(shard: $0, in: folder) }
        #expect(shards.allSatisfy { !$0.lines.isEmpty }, "every shard has devices")
        #expect(shards.flatMap(\.lines).sorted() == whole.lines.sorted())

        let merged = folder.appendingPathComponent("merged.json")
        try LedgerMergeJob(library: try BoilerStream.library(), files: shards.map(\.ledger), output: merged).merge().write(to: merged)
        let wholeBytes = try Data(contentsOf: whole.ledger)
        #expect(try Data(contentsOf: merged) == wholeBytes)
        #expect(try LedgerFile.read(merged).ledger.devices.count == Self.fleet.reduce(0) { $0 + $1.value })
        for file in [merged, shards[0].ledger] {
            #expect(try SchemaCheck.validate(try Data(contentsOf: file), schema: SchemaCheck.schema("ledger")).isEmpty)
        }
    }

    @Test("Fleetprint's CPU time is summed; a device in two ledgers is refused; missing shards stay named")
    func mergeRules() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        func ledger(_ name: String, shard: String, devices: [String], cpu: Double) throws -> URL {
            var ledger = ImpactLedger()
            for device in devices { ledger.commission(device: device, kind: "boiler", at: BoilerStream.start) }
            ledger.addCompute(cpuSeconds: cpu)
            let file = folder.appendingPathComponent(name)
            try LedgerFile(shards: [try Partition(parsing: shard)], ledger: ledger).write(to: file)
            return file
        }
        let first = try ledger("a.json", shard: "0/3", devices: ["b-1", "b-2"], cpu: 1.5)
        let second = try ledger("b.json", shard: "1/3", devices: ["b-3"], cpu: 2.25)
        let job = { (files: [URL]) in LedgerMergeJob(library: try BoilerStream.library(), files: files) }
        let merged = try job([first, second]).merge()
        #expect(merged.ledger.cpuSeconds == 3.75)
        #expect(merged.ledger.devices.map(\.key).sorted() == ["boiler/b-1", "boiler/b-2", "boiler/b-3"])
        #expect(merged.shards?.map(\.description) == ["0/3", "1/3"])
        let overlapping = try ledger("c.json", shard: "2/3", devices: ["b-2"], cpu: 0)
        #expect {
            try job([first, second, overlapping]).merge()
        } throws: { error in
            "\(error)".hasPrefix("device boiler/b-2 is in both \(first.path) and \(overlapping.path)")
        }
        let otherCount = try ledger("d.json", shard: "1/2", devices: ["b-9"], cpu: 0)
        #expect(throws: LedgerFileError.self) { try job([first, otherCount]).merge() }
    }
}
