@testable import FleetModel
import Foundation
import Testing

@Suite("Device table")
struct DeviceTableTests {
    @Test("a value is found by key and changed in place at its place; storing again replaces it and keeps its place")
    func placesAreStable() {
        var table = DeviceTable<Gadget>()
        table.store(Gadget("boiler/b-1", 1))
        table.store(Gadget("speedgate/b-1", 2))
        let place = table.index(forKey: "boiler/b-1")!
        table[place: place].numbers.append(10)
        #expect(table["boiler/b-1"]?.numbers == [1, 10])
        #expect(table.store(Gadget("speedgate/b-1", 3)) == Gadget("speedgate/b-1", 2))
        #expect(table.index(forKey: "boiler/b-1") == place)
        #expect(table.map(\.key) == ["boiler/b-1", "speedgate/b-1"] && table.count == 2)
        #expect(table["facade/b-1"] == nil && table.index(forKey: "facade/b-1") == nil)
    }

    @Test("a device keeps the place of its first sight, a boiler and a speedgate of one id get two, and the place gives the key back")
    func placesByFirstSight() {
        var table = DeviceTable<Gadget>()
        table.store(Gadget("boiler/b-2", 1))
        table.store(Gadget("speedgate/b-2", 2))
        table.store(Gadget("boiler/b-2", 3))
        #expect(table.index(forKey: "boiler/b-2") == 0)
        #expect(table.index(forKey: "speedgate/b-2") == 1)
        #expect(table.key(at: 1) == "speedgate/b-2" && table[place: 0].numbers == [3])
    }

    @Test("across chunks of devices, every value keeps its place, changes in place and comes out in order")
    func manyChunks() {
        var table = DeviceTable<Gadget>()
        let count = 10_000
        for index in 0 ..< count { table.store(Gadget("boiler/d-\(index)", index)) }
        for place in stride(from: 0, to: count, by: 7) { table[place: place].numbers.append(-place) }
        #expect(table.count == count && table.values.count == count)
        #expect(table.index(forKey: "boiler/d-4096") == 4096)
        #expect(table["boiler/d-4096"]?.numbers == [4096])
        #expect(table["boiler/d-4095"]?.numbers == [4095, -4095] && table["boiler/d-4094"]?.numbers == [4094])
        #expect(table["boiler/d-8190"]?.numbers == [8190, -8190])
        #expect(table.values.enumerated().allSatisfy { place, value in value.numbers == (place % 7 == 0 ? [place, -place] : [place]) })
        #expect(table.map(\.key) == (0 ..< count).map { "boiler/d-\($0)" })
    }

    @Test("of 50,000 keys each is found at its place and 50,000 others are not, with four-byte slots at most three-quarters full")
    func keyIndex() {
        var table = DeviceTable<Gadget>()
        for n in 0 ..< 50_000 { table.store(Gadget("boiler/b-\(n)", n)) }
        let found = (0 ..< 50_000).filter { (n: Int) in table.index(forKey: "boiler/b-\(n)") == n && table["boiler/b-\(n)"]?.numbers == [n] }
        let strangers = (0 ..< 50_000).filter { (n: Int) in table.index(forKey: "speedgate/b-\(n)") != nil }
        #expect(found.count == 50_000 && strangers.isEmpty)
        #expect(table.keyIndex.slots.count == 131_072)
        #expect(DeviceTable<Gadget>().index(forKey: "boiler/b-0") == nil)
    }

    @Test("a device is found by its kind and id apart at the place its key names, and a key that only begins or ends alike is not it")
    func kindAndID() {
        var table = DeviceTable<Gadget>()
        for n in 0 ..< 20_000 { table.store(Gadget("underground-container/uc-\(n)", n)) }
        let found = (0 ..< 20_000).filter { (n: Int) in table.index(kind: "underground-container", id: "uc-\(n)") == n }
        #expect(found.count == 20_000)
        for (kind, id) in [("underground-container", "uc-1x"), ("underground-container", "uc-"), ("underground", "container/uc-1"),
                           ("underground-container/uc", "1"), ("underground-containe", "uc-1"), ("boiler", "uc-1")] {
            #expect(table.index(kind: kind, id: id) == nil, "\(kind) \(id)")
            #expect(table.index(forKey: "\(kind)/\(id)") == nil, "\(kind)/\(id)")
        }
        #expect(DeviceTable<Gadget>().index(kind: "boiler", id: "b-0") == nil)
    }

    @Test("devices sort by kind and id as their keys do, without the keys being built")
    func keyOrder() {
        let ids = [("boiler", "b-2"), ("boiler", "b-10"), ("boiler-x", "a"), ("boilerx", "a"), ("boile", "z"), ("boiler", "b"), ("b", "oiler"), ("ebike-battery", "e-1")]
        let sorted = ids.sorted { DeviceIdentity.key(kind: $0.0, id: $0.1, precedes: $1.0, $1.1) }
        #expect(sorted.map { "\($0.0)/\($0.1)" } == ids.map { "\($0.0)/\($0.1)" }.sorted())
    }

    @Test("tables with the same entries stored in another order are equal and hash alike; another value is not equal")
    func equalInAnyOrder() {
        let entries = (0..<50).map { Gadget("kind/d-\($0)", $0 * 7) }
        var forward = DeviceTable<Gadget>()
        for gadget in entries { forward.store(gadget) }
        var backward = DeviceTable<Gadget>()
        for gadget in entries.reversed() { backward.store(gadget) }
        #expect(forward == backward)
        #expect(forward.hashValue == backward.hashValue)
        backward.store(Gadget("kind/d-3", 0))
        #expect(forward != backward)
    }

    @Test("in JSON it is the object by key that the dictionary it replaces was, byte for byte")
    func jsonAsDictionary() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let dictionary = ["b/2": Gadget("b/2", 2), "a/1": Gadget("a/1", 1), "c/3": Gadget("c/3", 3)]
        var table = DeviceTable<Gadget>()
        for gadget in dictionary.values { table.store(gadget) }
        let data = try encoder.encode(table)
        #expect(data == (try encoder.encode(dictionary)))
        #expect(try JSONDecoder().decode(DeviceTable<Gadget>.self, from: data) == table)
    }
}
