import Foundation

/// Which kinds and how many of each: `boiler=500,ebike-battery=2000`. The order given is kept,
/// because it decides device numbering and so the output's bytes.
public struct FleetSpec: Sendable, Hashable {
    public var kinds: [String]
    public var counts: [Int]

    public init(_ entries: KeyValuePairs<String, Int>) {
        kinds = entries.map(\.key)
        counts = entries.map(\.value)
    }

    public init(parsing text: String) throws(SimulationError) {
        kinds = []
        counts = []
        for entry in text.split(separator: ",") {
            let parts = entry.split(separator: "=")
            guard parts.count == 2, let count = Int(parts[1].trimmingCharacters(in: .whitespaces)), count > 0 else {
                throw SimulationError("--fleet: expected kind=count such as boiler=500, got '\(entry)'")
            }
            kinds.append(parts[0].trimmingCharacters(in: .whitespaces))
            counts.append(count)
        }
        guard !kinds.isEmpty else { throw SimulationError("--fleet: give at least one kind=count") }
    }

    public var deviceCount: Int { counts.reduce(0, +) }
}
