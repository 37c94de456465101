/// A JSON document written by hand, so that key order, number text and spacing are fixed byte
/// for byte. Nested values marked `compact` are written on one line (a table row, a cell).
indirect enum JSONValue: Sendable {
    case object([(String, JSONValue)], compact: Bool = false)
    case array([JSONValue], compact: Bool = false)
    case string(String)
    /// The number's text as it is to appear (already formatted, e.g. "179.0").
    case number(String)
    case bool(Bool)
    case null

    static func optional(_ text: String?) -> JSONValue { text.map { .string($0) } ?? .null }
    static func integer(_ value: Int) -> JSONValue { .number(String(value)) }

    func render(indent: Int = 0) -> String {
        switch self {
        case .string(let text): return JSONText.string(text)
        case .number(let text): return text
        case .bool(let value): return value ? "true" : "false"
        case .null: return "null"
        case .object(let members, let compact):
            if members.isEmpty { return "{}" }
            if compact {
                return "{" + members.map { "\(JSONText.string($0.0)): \($0.1.render())" }.joined(separator: ", ") + "}"
            }
            let pad = String(repeating: "  ", count: indent + 1)
            let body = members.map { "\(pad)\(JSONText.string($0.0)): \($0.1.render(indent: indent + 1))" }
            return "{\n" + body.joined(separator: ",\n") + "\n" + String(repeating: "  ", count: indent) + "}"
        case .array(let items, let compact):
            if items.isEmpty { return "[]" }
            if compact { return "[" + items.map { $0.render() }.joined(separator: ", ") + "]" }
            let pad = String(repeating: "  ", count: indent + 1)
            let body = items.map { pad + $0.render(indent: indent + 1) }
            return "[\n" + body.joined(separator: ",\n") + "\n" + String(repeating: "  ", count: indent) + "]"
        }
    }
}
