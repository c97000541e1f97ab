/// Where the connection stands; observable through `MQTTClient.connectionStates`.
public enum ConnectionState: Sendable, Equatable {
    case connecting
    case connected
    /// Lost or refused; the client retries with backoff unless it was closed. `reason` is libmosquitto's text.
    case disconnected(reason: String)
    case closed
}
