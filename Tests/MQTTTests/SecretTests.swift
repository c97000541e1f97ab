import Foundation
import Testing
@testable import MQTT

@Suite("Secrets")
struct SecretTests {
    @Test("a secret prints redacted")
    func redacted() {
        let secret = Secret("hunter2")
        #expect(secret.description == "<redacted>")
        #expect("\(secret)" == "<redacted>")
        #expect(String(reflecting: secret) == "<redacted>")
    }

    @Test("from a file: first line, without its line ending")
    func fromFile() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("secret-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try "s3cret\r\nignored\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try Secret.fromFile(path).value == "s3cret")
    }

    @Test("a missing or empty file is a clear error")
    func missingFile() throws {
        let missing = "/nonexistent/fleetprint-password"
        #expect(throws: MQTTError.secretUnavailable("cannot read password file \(missing)")) {
            try Secret.fromFile(missing)
        }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("empty-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try "\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: MQTTError.secretUnavailable("password file \(path) is empty")) { try Secret.fromFile(path) }
    }

    @Test("an unset environment variable is a clear error")
    func missingEnvironment() {
        #expect(throws: MQTTError.secretUnavailable("environment variable FLEETPRINT_TEST_UNSET_VARIABLE is not set or empty")) {
            try Secret.fromEnvironment("FLEETPRINT_TEST_UNSET_VARIABLE")
        }
    }
}
