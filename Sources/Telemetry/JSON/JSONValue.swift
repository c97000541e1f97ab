/// One scanned value of a flat object. Nested objects and arrays are skipped, not built:
/// no metric is nested, so their content is never needed.
enum JSONValue {
    case number(Double)
    case string(JSONString)
    case bool(Bool)
    case null
    /// `NaN`, `Infinity`, `-Infinity` (not JSON, but what broken firmware sends), or an overflowing number.
    case nonFinite
    case nested

    var typeName: String {
        switch self {
        case .number: "number"
        case .string: "string"
        case .bool: "boolean"
        case .null: "null"
        case .nonFinite: "non-finite number"
        case .nested: "object or array"
        }
    }
}
