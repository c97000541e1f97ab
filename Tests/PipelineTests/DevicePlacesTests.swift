import Testing
@testable import Pipeline

@Suite("Device places")
struct DevicePlacesTests {
    @Test("each place is held once and comes out in ascending order, across words; a removed one is gone")
    func insertRemove() {
        var places = DevicePlaces()
        for place in [130, 3, 0, 3, 64, 63, 130] { places.insert(place) }
        #expect(Array(places) == [0, 3, 63, 64, 130] && places.count == 5)
        places.remove(3)
        places.remove(1_000)
        #expect(Array(places) == [0, 63, 64, 130] && places.count == 4)
        #expect(places.contains(64) && !places.contains(65) && !places.contains(10_000))
        #expect(Array(DevicePlaces()).isEmpty && DevicePlaces().isEmpty)
    }

    @Test("a union holds the places of both, each once", arguments: [([1, 70], [70, 200]), ([], [5]), ([5, 900], [])])
    func union(mine: [Int], theirs: [Int]) {
        var a = DevicePlaces(), b = DevicePlaces()
        mine.forEach { a.insert($0) }
        theirs.forEach { b.insert($0) }
        a.formUnion(b)
        let expected = Set(mine + theirs).sorted()
        #expect(Array(a) == expected && a.count == expected.count)
    }
}
