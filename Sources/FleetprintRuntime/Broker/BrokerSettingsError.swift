/// A broker option that cannot work as given; the text names the option and what to do.
public struct BrokerSettingsError: Error, CustomStringConvertible {
    public let description: String

    init(_ description: String) {
        self.description = description
    }
}
