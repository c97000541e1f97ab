import Foundation

/// A work order in a binary checkpoint record (an open order lives in its device's record):
/// written in about a microsecond where Foundation's JSON encoder took tens.
extension WorkOrder {
    public func record(into writer: inout BinaryWriter) {
        for text in [id, device, kind, rule, priority.rawValue, resolution.rawValue, status.rawValue] { writer.write(text) }
        for date in [issuedAt, statusAt] { writer.write(date.timeIntervalSince1970) }
        writer.write(due?.timeIntervalSince1970)
        for text in [kit, note, reason] { Self.write(text, into: &writer) }
        writer.write(UInt8(closedBy == nil ? 0 : 1))
        if let closedBy {
            writer.write(closedBy.cause.rawValue)
            writer.write(closedBy.action.rawValue)
            Self.write(closedBy.report, into: &writer)
            Self.write(closedBy.workOrder, into: &writer)
        }
    }

    public init(record reader: inout BinaryReader) throws(BinaryRecordError) {
        let (id, device, kind, rule) = (try reader.string(), try reader.string(), try reader.string(), try reader.string())
        let priority = try Self.value(WorkOrderPriority.self, reader.string())
        let resolution = try Self.value(Resolution.self, reader.string())
        let status = try Self.value(WorkOrderStatus.self, reader.string())
        let (issuedAt, statusAt) = (Date(timeIntervalSince1970: try reader.double()), Date(timeIntervalSince1970: try reader.double()))
        let due = try reader.optionalDouble().map(Date.init(timeIntervalSince1970:))
        let (kit, note, reason) = (try Self.text(&reader), try Self.text(&reader), try Self.text(&reader))
        var closedBy: WorkOrderClosure?
        if try reader.byte() != 0 {
            closedBy = WorkOrderClosure(cause: try Self.value(ClosureCause.self, reader.string()), action: try Self.value(ServiceAction.self, reader.string()),
                                        report: try Self.text(&reader), workOrder: try Self.text(&reader))
        }
        self.init(id: id, device: device, kind: kind, rule: rule, issuedAt: issuedAt, priority: priority, kit: kit, resolution: resolution,
                  note: note, reason: reason, due: due, status: status, statusAt: statusAt, closedBy: closedBy)
    }

    private static func write(_ text: String?, into writer: inout BinaryWriter) {
        writer.write(UInt8(text == nil ? 0 : 1))
        if let text { writer.write(text) }
    }

    private static func text(_ reader: inout BinaryReader) throws(BinaryRecordError) -> String? {
        try reader.byte() == 0 ? nil : try reader.string()
    }

    private static func value<Value: RawRepresentable<String>>(_: Value.Type, _ raw: String) throws(BinaryRecordError) -> Value {
        guard let value = Value(rawValue: raw) else { throw BinaryRecordError("'\(raw)' is not a \(Value.self) in a work order") }
        return value
    }
}
