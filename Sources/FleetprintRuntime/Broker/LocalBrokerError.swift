/// Why a local mosquitto could not be started; the text says what to install or look at.
public struct LocalBrokerError: Error, CustomStringConvertible {
    public let description: String

    init(_ description: String) {
        self.description = description
    }
}
