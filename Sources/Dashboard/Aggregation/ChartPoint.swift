import Foundation

/// Cumulative net CO2-eq (realised, kg) of the fleet at one event time.
public struct ChartPoint: Sendable, Equatable, Codable {
    public var time: Date
    public var kilograms: Double

    public init(time: Date, kilograms: Double) {
        self.time = time
        self.kilograms = kilograms
    }
}
