import FleetModel
import Foundation
import Testing

@Suite("Partitions of a fleet by a stable hash of kind and id")
struct PartitionTests {
    @Test("K/N parses and prints back; anything else says what K/N means")
    func parsing() throws {
        let partition = try Partition(parsing: "1/3")
        #expect(partition.index == 1 && partition.count == 3)
        #expect(partition.description == "1/3")
        #expect(partition.nameSuffix == "p1of3")
        #expect(partition.siblings.map(\.description) == ["0/3", "1/3", "2/3"])
        #expect(throws: PartitionError("partition 3/3: K counts from 0 and must be below N (0/3 to 2/3)")) { try Partition(parsing: "3/3") }
        #expect(throws: PartitionError("partition 0/0: N must be at least 1")) { try Partition(parsing: "0/0") }
        for text in ["x", "1", "1/3/4", "1/", "/3", "one/three"] {
            #expect(throws: PartitionError("expected K/N such as 1/3 (partition K of N, K from 0 to N-1), got '\(text)'")) { try Partition(parsing: text) }
        }
        #expect(throws: PartitionError.self) { try Partition(parsing: "-1/3") }
    }

    @Test("the hash is FNV-1a 64 over kind/id, the same on every run and platform")
    func stableHash() {
        #expect(FNV1a().value == 0xCBF2_9CE4_8422_2325)
        var one = FNV1a()
        one.add("a".utf8)
        #expect(one.value == 0xAF63_DC4C_8601_EC8C, "the published FNV-1a 64 test vector")
        let identity = DeviceIdentity(kind: "boiler", id: "b-001")
        #expect(identity.stableHash == 0xC26E_6598_1CB7_D19B)
        #expect(DeviceIdentity.stableHash(kind: "boiler", id: "b-001") == identity.stableHash)
        #expect(DeviceIdentity(kind: "speedgate", id: "b-001").stableHash != identity.stableHash, "ids are unique only within a kind")
    }

    @Test("every device has exactly one owner among N partitions, and the partitions are about even")
    func exactlyOneOwner() throws {
        let partitions = try Partition(parsing: "0/3").siblings
        var owned = [0, 0, 0]
        for number in 1...3_000 {
            let identity = DeviceIdentity(kind: number % 2 == 0 ? "boiler" : "ebike-battery", id: "d-\(number)")
            let owners = partitions.filter { $0.owns(identity) }
            #expect(owners.count == 1)
            owned[owners[0].index] += 1
        }
        #expect(owned.allSatisfy { (900...1_100).contains($0) }, "\(owned)")
        #expect(try Partition(parsing: "0/1").owns(DeviceIdentity(kind: "boiler", id: "any")))
    }

    @Test("in JSON and YAML a partition is its K/N text, and a wrong one is a decoding error")
    func coding() throws {
        let partition = try Partition(parsing: "2/5")
        #expect(String(decoding: try JSONEncoder().encode([partition]), as: UTF8.self) == #"["2\/5"]"#)
        #expect(try JSONDecoder().decode([Partition].self, from: Data(#"["2/5"]"#.utf8)) == [partition])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([Partition].self, from: Data(#"["5/5"]"#.utf8)) }
    }
}
