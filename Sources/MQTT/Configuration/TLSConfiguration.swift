/// Files for a TLS connection (`mqtts://`): the CA that signed the broker's certificate and,
/// for brokers that require client certificates, our certificate and key (PEM).
public struct TLSConfiguration: Sendable, Equatable {
    public var caFile: String
    public var certificateFile: String?
    public var keyFile: String?

    public init(caFile: String, certificateFile: String? = nil, keyFile: String? = nil) {
        self.caFile = caFile
        self.certificateFile = certificateFile
        self.keyFile = keyFile
    }
}
