/// A broker address as users write it: `mqtt://host:port` or `mqtts://host:port` (TLS).
///
/// A user name may ride in the URL (`mqtt://alice@host`); a password may not, because URLs end up in
/// shell history, process listings and logs. Passwords come from `Secret`.
public struct BrokerURL: Sendable, Equatable, CustomStringConvertible {
    public var host: String
    public var port: Int
    public var usesTLS: Bool
    public var username: String?

    public static let defaultPlainPort = 1883
    public static let defaultTLSPort = 8883

    public init(host: String, port: Int, usesTLS: Bool = false, username: String? = nil) {
        self.host = host
        self.port = port
        self.usesTLS = usesTLS
        self.username = username
    }

    /// Parses `mqtt://[user@]host[:port]` or `mqtts://...`; IPv6 hosts go in brackets (`mqtt://[::1]:1883`).
    public init(parsing text: String) throws(MQTTError) {
        func reject(_ reason: String) -> MQTTError { .invalidURL(text, reason: reason) }
        guard let schemeEnd = text.range(of: "://") else {
            throw reject("expected a scheme, as in mqtt://127.0.0.1:1883 or mqtts://broker.example:8883")
        }
        let scheme = text[..<schemeEnd.lowerBound].lowercased()
        switch scheme {
        case "mqtt", "tcp": usesTLS = false
        case "mqtts", "ssl": usesTLS = true
        default: throw reject("unknown scheme '\(scheme)': use mqtt:// (plain) or mqtts:// (TLS)")
        }
        var rest = text[schemeEnd.upperBound...]
        if let slash = rest.firstIndex(of: "/") {
            guard rest[slash...].allSatisfy({ $0 == "/" }) else {
                throw reject("a broker URL has no path; topics are given separately")
            }
            rest = rest[..<slash]
        }
        if let at = rest.lastIndex(of: "@") {
            let userInfo = rest[..<at]
            guard !userInfo.contains(":") else {
                throw reject("do not put a password in the URL; use --password-env or --password-file")
            }
            guard !userInfo.isEmpty else { throw reject("empty user name before '@'") }
            username = String(userInfo)
            rest = rest[rest.index(after: at)...]
        } else {
            username = nil
        }
        let portText: Substring?
        if rest.hasPrefix("[") {
            guard let close = rest.firstIndex(of: "]") else { throw reject("unclosed '[' in IPv6 host") }
            host = String(rest[rest.index(after: rest.startIndex)..<close])
            let after = rest[rest.index(after: close)...]
            if after.isEmpty {
                portText = nil
            } else if after.hasPrefix(":") {
                portText = after.dropFirst()
            } else {
                throw reject("unexpected '\(after)' after the IPv6 host")
            }
        } else if let colon = rest.lastIndex(of: ":") {
            host = String(rest[..<colon])
            portText = rest[rest.index(after: colon)...]
        } else {
            host = String(rest)
            portText = nil
        }
        guard !host.isEmpty else { throw reject("missing host name") }
        if let portText {
            guard let value = Int(portText), (1...65_535).contains(value) else {
                throw reject("port '\(portText)' is not a number from 1 to 65535")
            }
            port = value
        } else {
            port = usesTLS ? Self.defaultTLSPort : Self.defaultPlainPort
        }
    }

    public var description: String {
        let shownHost = host.contains(":") ? "[\(host)]" : host
        let user = username.map { "\($0)@" } ?? ""
        return "\(usesTLS ? "mqtts" : "mqtt")://\(user)\(shownHost):\(port)"
    }
}
