import CMosquitto
import Testing
@testable import MQTT

@Suite("MQTT errors")
struct MQTTErrorTests {
    @Test("library errors carry mosquitto_strerror's text")
    func libraryText() {
        let error = MQTTError.library("mosquitto_publish", Int32(MOSQ_ERR_NO_CONN.rawValue))
        #expect(error.description == "mosquitto_publish failed: The client is not currently connected. (libmosquitto error 4)")
    }

    @Test("MOSQ_ERR_ERRNO reads the OS error instead")
    func errnoText() {
        let error = MQTTError.library("mosquitto_connect", Int32(MOSQ_ERR_ERRNO.rawValue), errno: ECONNREFUSED)
        #expect(error.description.contains("Connection refused"))
    }

    @Test("a connect timeout says whether anything answered")
    func connectTimeoutText() {
        #expect(MQTTError.connectTimeout(broker: "mqtt://10.0.0.1:1883", seconds: 1.5, lastError: nil).description
            == "could not connect to mqtt://10.0.0.1:1883 within 1.5 s: no answer (is a broker listening there?)")
        #expect(MQTTError.connectTimeout(broker: "mqtt://h:1", seconds: 5, lastError: "Connection refused").description
            == "could not connect to mqtt://h:1 within 5 s: Connection refused")
    }
}
