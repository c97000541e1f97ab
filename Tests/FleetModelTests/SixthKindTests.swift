import FleetModel
import Foundation
import Testing

@Suite("Adding a kind")
struct SixthKindTests {
    @Test("a sixth kind is one more YAML file in the profiles folder, with no Swift change")
    func dropInFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fleetprint-profiles-\(UInt64.random(in: 0...UInt64.max))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for file in ProfileLoader.profileFiles(in: [RepositoryFiles.profiles]) {
            try FileManager.default.copyItem(at: file, to: folder.appendingPathComponent(file.lastPathComponent))
        }
        try ProfileFixture.yaml.write(to: folder.appendingPathComponent(ProfileFixture.file), atomically: true, encoding: .utf8)

        let library = try ProfileLibrary.load(profiles: [folder], factorSet: RepositoryFiles.factorSet)

        #expect(library.kinds.count == 6)
        let vending = try #require(library.profile("vending-machine"))
        #expect(vending.billOfMaterials(of: vending.baseline) == ["steel": 80, "glass": 10])
        #expect(vending.materials(ofKit: "spirals")["steel"] == 1)
        #expect(vending.ictItems(of: vending.baseline).isEmpty && vending.ictItems(of: vending.scenario("smart")!).count == 1)
    }
}
