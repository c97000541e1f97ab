import Dashboard
import FleetModel
import FleetprintTestSupport
import Foundation
import Testing

@Suite("Which partitions of a fleet report")
struct PartitionCoverageTests {
    private static func partition(_ text: String) throws -> Partition { try Partition(parsing: text) }

    @Test("no partitioned instance: nothing to say")
    func unpartitioned() {
        #expect(PartitionCoverage(partitions: [("a", nil), ("b", nil)]) == nil)
    }

    @Test("a missing partition is named, and all present is complete")
    func missing() throws {
        let two = try #require(PartitionCoverage(partitions: [("p0", try Self.partition("0/3")), ("p2", try Self.partition("2/3"))]))
        #expect(two.text == "partitions 2 of 3 present, missing 1/3")
        #expect(!two.isComplete)
        let all = try #require(PartitionCoverage(partitions: try ["0/3", "1/3", "2/3"].map { ("i-\($0)", try Self.partition($0)) }))
        #expect(all.text == "partitions 3 of 3 present")
        #expect(all.isComplete)
    }

    @Test("a partition claimed twice, counts that disagree and unpartitioned instances beside partitions are said")
    func conflicts() throws {
        let twice = try #require(PartitionCoverage(partitions: [("a", try Self.partition("0/2")), ("b", try Self.partition("0/2")), ("c", nil)]))
        #expect(twice.text == "partitions 1 of 2 present, missing 1/2, twice: 0/2, unpartitioned: c")
        let mixed = try #require(PartitionCoverage(partitions: [("a", try Self.partition("0/2")), ("b", try Self.partition("1/3"))]))
        #expect(mixed.text == "partitions of different counts: 0/2, 1/3")
        #expect(!mixed.isComplete)
    }

    @Test("the aggregate of partitioned summaries carries the coverage, and the status line says it")
    func aggregate() throws {
        var summaries = try DashboardFixtures.summaries()
        summaries[0].partition = try Self.partition("0/3")
        summaries[1].partition = try Self.partition("2/3")
        var aggregator = SummaryAggregator()
        summaries.forEach { aggregator.receive($0) }
        #expect(aggregator.aggregate.partitions?.text == "partitions 2 of 3 present, missing 1/3")
        let status = StatusRecord(aggregator.aggregate)
        #expect(status.partitions == "partitions 2 of 3 present, missing 1/3")
        #expect(status.plain.contains("2 instances (partitions 2 of 3 present, missing 1/3)"))
        #expect(try SchemaCheck.validate(Data(try status.json().utf8), schema: SchemaCheck.schema("status")).isEmpty)
        #expect(try SchemaCheck.validate(try summaries[0].encoded(), schema: SchemaCheck.schema("summary")).isEmpty)
    }
}
