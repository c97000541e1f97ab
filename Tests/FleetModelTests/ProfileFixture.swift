import Foundation

/// A small made-up kind, valid against the default factor set: the base that invalid-file tests
/// break one field at a time, and the sixth kind dropped into a profiles folder.
enum ProfileFixture {
    static let file = "vending.yaml"

    static let yaml = """
        kind: vending-machine
        description: Snack vending machine in an office
        functional_unit: one machine-year of vending
        electricity: electricity-nl
        sources:
          guess: {kind: assumption, text: made up for a test}
        telemetry:
          topics:
            - vending/{device}
          timestamp: ts
          source: guess
          metrics:
            door_openings: {type: counter, unit: count}
            cabinet_temperature: {type: gauge, unit: degC, range: [0 degC, 20 degC]}
        materials:
          steel: {class: metal, factor: steel}
          glass: {class: glass, factor: glass}
        components:
          cabinet: {description: Cabinet, materials: {steel: 80 kg, glass: 10 kg}, source: guess}
        parts:
          spiral: {description: Product spiral, materials: {steel: 0.2 kg}, source: guess}
        kits:
          spirals: {description: Spiral set, contents: {spiral: 5}, mass: 1 kg, source: guess}
        trips:
          visit: {description: Service visit, distance: 20 km, vehicle: van-diesel, source: guess}
        baseline:
          description: Yearly service
          life: 10 years
          service_interval: 1 years
          visit_trip: visit
          kits: {spirals: 2}
          source: guess
        scenarios:
          smart:
            description: Service on data
            life: 12 years
            service_interval: 2 years
            visit_trip: visit
            kits: {spirals: 1}
            source: guess
        rules:
          warm:
            metric: cabinet_temperature
            kind: threshold
            direction: above
            alert: 8 degC
            action: {kit: spirals, resolution: technician}
            source: guess
        ict:
          modem:
            role: modem
            description: Cellular modem
            embodied: {iot-connectivity-cellular: 1 count}
            life: 8 years
            power: 1 W
            scenarios: [smart]
            source: guess
        degradation:
          source: guess
          usage:
            door_openings: {amount: 30 count, per: 1 days}

        """

    /// The fixture with `original` replaced by `replacement` (which must occur exactly once),
    /// and the 1-based line where the change is.
    static func breaking(_ original: String, with replacement: String) -> (yaml: String, line: Int) {
        let parts = yaml.components(separatedBy: original)
        precondition(parts.count == 2, "'\(original)' must occur once in the fixture")
        return (parts.joined(separator: replacement), parts[0].components(separatedBy: "\n").count)
    }
}
