import FleetModel
import Testing

@Suite("Work order ids")
struct WorkOrderIDTests {
    @Test("an order's id is its device's key and number, as published since 0.1, and gives the key back")
    func idNamesItsDevice() {
        let device = DeviceIdentity(kind: "underground-container", id: "uc-00112")
        let id = WorkOrder.id(of: device, number: 3)
        #expect(id == "underground-container/uc-00112/3")
        #expect(WorkOrder.deviceKey(ofID: id) == Substring(device.key))
        #expect(WorkOrder.deviceKey(ofID: "no-slash") == nil)
    }
}
