import Dashboard
import FleetprintTestSupport
import Foundation
import Testing

@Suite struct StatusRecordTests {
    @Test func ndjsonIsOneSortedObjectPerLine() throws {
        let line = try StatusRecord(try DashboardFixtures.aggregate()).json()
        #expect(!line.contains("\n"))
        try Snapshot.expect([line], named: "status-ndjson")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(object["devices"] as? Int == 18)
        #expect(object["openWorkOrders"] as? Int == 5)
        #expect(object["eventTime"] as? String == "2028-12-31T18:00:00Z")
        let fleet = try #require(object["fleet"] as? [String: Any])
        #expect(fleet["co2Realised"] is Double && fleet["co2Projected"] is Double)
        #expect(object["schema"] as? String == "fleetprint.status/2")
        #expect(try SchemaCheck.validate(Data(line.utf8), schema: SchemaCheck.schema("status")).isEmpty)
    }

    @Test func ndjsonDecodesBack() throws {
        let record = StatusRecord(try DashboardFixtures.aggregate())
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        #expect(try decoder.decode(StatusRecord.self, from: Data(try record.json().utf8)) == record)
    }

    @Test func plainLineHasUnits() throws {
        let line = StatusRecord(try DashboardFixtures.aggregate()).plain
        try Snapshot.expect([line], named: "status-plain")
        #expect(line.contains("msg/s") && line.contains("kg") && line.contains("EUR") && line.contains("internal decision aid"))
    }

    @Test func emptyAggregateStillPrints() throws {
        let record = StatusRecord(FleetAggregate())
        #expect(record.plain.hasPrefix("event none | 0 instances"))
        #expect(try record.json().contains("\"devices\":0"))
    }
}
