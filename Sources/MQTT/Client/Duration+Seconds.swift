extension Duration {
    /// Seconds as a floating-point number, for messages and libmosquitto's whole-second settings.
    var seconds: Double {
        let parts = components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }
}
