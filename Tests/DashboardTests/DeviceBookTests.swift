import Dashboard
import FleetModel
import Foundation
import Impact
import Testing

@Suite struct DeviceBookTests {
    static func detail(_ device: String, orders: Int = 0, health: Double = 1) -> DeviceDetail {
        DeviceDetail(kind: "boiler", device: device, eventTime: nil, commissioned: DashboardFixtures.start, lastSeen: nil, lastService: nil,
                     readings: [], rules: [:], health: [ComponentHealth(component: "c", health: health, worstRule: "r")],
                     openWorkOrders: [], closedWorkOrders: [], counts: [:], serviceYears: 0, kits: [:], visits: orders, remoteFixes: 0,
                     customerFixes: 0, replacements: 0)
    }

    @Test("a newer detail replaces a device's row; beyond the row limit devices are counted, not listed; only the latest details are held")
    func bounded() {
        var book = DeviceBook(rowLimit: 3, detailLimit: 2)
        for device in ["a", "b", "c", "d", "e"] { book.receive(Self.detail(device), instance: "local") }
        #expect(book.rows.count == 3 && book.unlisted == 2)
        book.receive(Self.detail("a", health: 0.2), instance: "west")
        #expect(book.rows["boiler/a"]?.health == 0.2 && book.rows["boiler/a"]?.instance == "west" && book.unlisted == 2)
        #expect(book.detail("boiler/a") != nil && book.detail("boiler/c") != nil && book.detail("boiler/b") == nil)
        #expect(book.list(kind: "boiler", filter: "", sort: .health).map(\.device) == ["a", "b", "c"])
        #expect(book.list(kind: "speedgate", filter: "", sort: .orders).isEmpty)
        #expect(book.list(kind: nil, filter: "B", sort: .orders).map(\.device) == ["b"])
    }
}
