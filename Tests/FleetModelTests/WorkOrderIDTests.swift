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

    @Test("an order's number is read back only for the device the id names")
    func numberOfItsDevice() {
        let boiler = DeviceIdentity(kind: "boiler", id: "g1")
        #expect(WorkOrder.number(ofID: WorkOrder.id(of: boiler, number: 12), device: boiler) == 12)
        #expect(WorkOrder.number(ofID: "boiler/g1/12", device: DeviceIdentity(kind: "speedgate", id: "g1")) == nil)
        #expect(WorkOrder.number(ofID: "boiler/g10/12", device: boiler) == nil)
        #expect(WorkOrder.number(ofID: "boiler/g1/x", device: boiler) == nil)
        #expect(WorkOrder.number(ofID: "boiler/g1/", device: boiler) == nil)
        #expect(WorkOrder.number(ofID: "g1", device: boiler) == nil)
    }
}
