import Yams

/// A yearly cycle on usage: boilers burn in winter, e-bikes ride in summer.
public struct Seasonality: Sendable, Hashable {
    /// Peak-to-mean swing of the usage rates.
    public var amplitude: Quantity
    public var peak: Month
    /// Usage metrics the cycle applies to.
    public var metrics: [String]

    public init(amplitude: Quantity, peak: Month, metrics: [String]) {
        self.amplitude = amplitude
        self.peak = peak
        self.metrics = metrics
    }

    init?(reading r: NodeReader) {
        r.allowOnly(["amplitude", "peak", "metrics"])
        let amplitude = r.required("amplitude", expected: "the swing around the mean") { $0.quantity(.ratio) }
        let peak = r.required("peak", expected: "the month of highest use") { $0.choice(Month.self) }
        let metrics = r.required("metrics", expected: "the usage metrics it applies to") { $0.strings }
        guard let amplitude, let peak, let metrics else { return nil }
        self.init(amplitude: amplitude, peak: peak, metrics: metrics)
    }

    var node: Node {
        var b = NodeBuilder()
        b.add("amplitude", amplitude)
        b.add("peak", peak)
        b.add("metrics", Node(metrics.map { Node($0) }))
        return b.node
    }
}
