@testable import FleetModel
import Foundation
import Testing

@Suite("Device table")
struct DeviceTableTests {
    @Test("a value is found by key and changed in place at its place; storing again replaces it and keeps its place")
    func placesAreStable() {
        var table = DeviceTable<[Int]>()
        table["boiler/b-1"] = [1]
        table["speedgate/b-1"] = [2]
        let place = table.index(forKey: "boiler/b-1")!
        table[place: place].append(10)
        #expect(table["boiler/b-1"] == [1, 10])
        #expect(table.updateValue([3], forKey: "speedgate/b-1") == [2])
        #expect(table.index(forKey: "boiler/b-1") == place)
        #expect(table.keys == ["boiler/b-1", "speedgate/b-1"] && table.count == 2)
        #expect(table["facade/b-1"] == nil && table.index(forKey: "facade/b-1") == nil)
    }

    @Test("a device keeps the place of its first sight, a boiler and a speedgate of one id get two, and the place gives the key back")
    func placesByFirstSight() {
        var table = DeviceTable<Int>()
        table["boiler/b-2"] = 1
        table["speedgate/b-2"] = 2
        table["boiler/b-2"] = 3
        #expect(table.index(forKey: "boiler/b-2") == 0)
        #expect(table.index(forKey: "speedgate/b-2") == 1)
        #expect(table.keys[1] == "speedgate/b-2")
    }

    @Test("across chunks of devices, every value keeps its place, changes in place and comes out in order")
    func manyChunks() {
        var table = DeviceTable<[Int]>()
        let count = 10_000
        for index in 0 ..< count { table["boiler/d-\(index)"] = [index] }
        for place in stride(from: 0, to: count, by: 7) { table[place: place].append(-place) }
        #expect(table.count == count && table.values.count == count)
        #expect(table.index(forKey: "boiler/d-4096") == 4096)
        #expect(table["boiler/d-4096"] == [4096])
        #expect(table["boiler/d-4095"] == [4095, -4095] && table["boiler/d-4094"] == [4094])
        #expect(table["boiler/d-8190"] == [8190, -8190])
        #expect(table.values.enumerated().allSatisfy { place, value in value == (place % 7 == 0 ? [place, -place] : [place]) })
        #expect(table.map(\.key) == (0 ..< count).map { "boiler/d-\($0)" })
    }

    @Test("of 50,000 keys each is found at its place and 50,000 others are not, with four-byte slots at most three-quarters full")
    func keyIndex() {
        var table = DeviceTable<Int>()
        for n in 0 ..< 50_000 { table["boiler/b-\(n)"] = n }
        let found = (0 ..< 50_000).filter { (n: Int) in table.index(forKey: "boiler/b-\(n)") == n && table["boiler/b-\(n)"] == n }
        let strangers = (0 ..< 50_000).filter { (n: Int) in table.index(forKey: "speedgate/b-\(n)") != nil }
        #expect(found.count == 50_000 && strangers.isEmpty)
        #expect(table.keyIndex.slots.count == 131_072)
        #expect(DeviceTable<Int>().index(forKey: "boiler/b-0") == nil)
    }

    @Test("a device is found by its kind and id apart at the place its key names, and a key that only begins or ends alike is not it")
    func kindAndID() {
        var table = DeviceTable<Int>()
        for n in 0 ..< 20_000 { table["underground-container/uc-\(n)"] = n }
        let found = (0 ..< 20_000).filter { (n: Int) in table.index(kind: "underground-container", id: "uc-\(n)") == n }
        #expect(found.count == 20_000)
        for (kind, id) in [("underground-container", "uc-1x"), ("underground-container", "uc-"), ("underground", "container/uc-1"),
                           ("underground-container/uc", "1"), ("underground-containe", "uc-1"), ("boiler", "uc-1")] {
            #expect(table.index(kind: kind, id: id) == nil, "\(kind) \(id)")
        }
        #expect(DeviceTable<Int>().index(kind: "boiler", id: "b-0") == nil)
    }

    @Test("tables with the same entries stored in another order are equal and hash alike; another value is not equal")
    func equalInAnyOrder() {
        let entries = (0..<50).map { ("kind/d-\($0)", $0 * 7) }
        var forward = DeviceTable<Int>()
        for (key, value) in entries { forward[key] = value }
        var backward = DeviceTable<Int>()
        for (key, value) in entries.reversed() { backward[key] = value }
        #expect(forward == backward)
        #expect(forward.hashValue == backward.hashValue)
        backward["kind/d-3"] = 0
        #expect(forward != backward)
    }

    @Test("in JSON it is the object by key that the dictionary it replaces was, byte for byte")
    func jsonAsDictionary() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let dictionary = ["b/2": 2.5, "a/1": 1.0, "c/3": 3.0]
        var table = DeviceTable<Double>()
        for (key, value) in dictionary { table[key] = value }
        let data = try encoder.encode(table)
        #expect(data == (try encoder.encode(dictionary)))
        #expect(try JSONDecoder().decode(DeviceTable<Double>.self, from: data) == table)
    }
}
