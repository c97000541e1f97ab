import FleetModel
import PropertyBased
import Testing

/// A profile written back to YAML and read again is unchanged, whatever its texts and numbers.
@Suite("Round trip")
struct RoundTripTests {
    /// Characters that YAML must quote or escape, mixed with ordinary ones.
    static let text = Gen<Character?>.element(of: Array("abcXYZ019 :,#{}[]'\"-&*!|>%@`?") as [Character]).map { $0! }.string(of: 0...24)

    @Test("every shipped profile round-trips as is")
    func shipped() throws {
        for profile in try RepositoryFiles.library().profiles {
            #expect(try ProfileLoader.profile(yaml: profile.yaml(), file: "\(profile.kind).yaml", factors: nil) == profile)
        }
    }

    @Test("a randomly changed profile round-trips")
    func randomised() async throws {
        let profiles = try RepositoryFiles.library().profiles
        await propertyCheck(count: 200, input: Gen.int(in: 0...(profiles.count - 1)), Self.text, Gen.double(in: -1e9...1e9), Gen.int(in: 0...1000)) { index, text, number, count in
            var profile = profiles[index]
            profile.description = text
            profile.baseline.life = Quantity(number, .year)
            profile.components[0].materials[0].mass = Quantity(number / 7, .gram)
            profile.telemetry.metrics[0].scale = number / 3
            profile.sources[0].text = text + "\n" + text
            profile.trips = profile.trips.map { trip in
                var trip = trip
                trip.sharedBy = count
                return trip
            }
            profile.baseline.unplannedVisits = Double(count) / 4
            let yaml = try profile.yaml()
            let read = try ProfileLoader.profile(yaml: yaml, file: "roundtrip.yaml", factors: nil)
            #expect(read == profile, "YAML was:\n\(yaml)")
        }
    }
}
