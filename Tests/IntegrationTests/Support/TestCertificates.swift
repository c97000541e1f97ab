import Foundation

/// A throwaway CA, a broker certificate for 127.0.0.1 and a client certificate, made with openssl
/// at test time so no key is ever committed.
struct TestCertificates {
    let directory: URL
    var caFile: String { path("ca.crt") }
    var serverCertificate: String { path("server.crt") }
    var serverKey: String { path("server.key") }
    var clientCertificate: String { path("client.crt") }
    var clientKey: String { path("client.key") }
    /// A second CA that signed nothing here: trusting it must fail the handshake.
    var unrelatedCAFile: String { path("other-ca.crt") }

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("fleetprint-tls-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try makeAuthority("ca", subject: "/CN=Fleetprint Test CA")
        try makeAuthority("other-ca", subject: "/CN=Unrelated CA")
        try makeSigned("server", subject: "/CN=127.0.0.1", extensions: "subjectAltName=IP:127.0.0.1,DNS:localhost")
        try makeSigned("client", subject: "/CN=fleetprint-test-client", extensions: "extendedKeyUsage=clientAuth")
    }

    func remove() {
        try? FileManager.default.removeItem(at: directory)
    }

    private func path(_ name: String) -> String {
        directory.appendingPathComponent(name).path
    }

    private func makeAuthority(_ name: String, subject: String) throws {
        try Shell.run("openssl", [
            "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
            "-keyout", "\(name).key", "-out", "\(name).crt", "-subj", subject,
        ], in: directory)
    }

    private func makeSigned(_ name: String, subject: String, extensions: String) throws {
        try Shell.run("openssl", [
            "req", "-newkey", "rsa:2048", "-nodes", "-keyout", "\(name).key", "-out", "\(name).csr", "-subj", subject,
        ], in: directory)
        try extensions.write(to: directory.appendingPathComponent("\(name).ext"), atomically: true, encoding: .utf8)
        try Shell.run("openssl", [
            "x509", "-req", "-in", "\(name).csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial",
            "-days", "2", "-out", "\(name).crt", "-extfile", "\(name).ext",
        ], in: directory)
    }
}
