/// What `XMLScanner` reports, in document order. An empty element (`<c/>`) is a start and an end.
enum XMLEvent: Equatable, Sendable {
    case start(XMLElement)
    case end(name: String)
    /// Character data (entities and character references resolved, CDATA sections as written,
    /// line ends normalised to LF); never empty.
    case text(String)
}

/// A start tag: its qualified name and its attributes in document order, values resolved.
struct XMLElement: Equatable, Sendable {
    var name: String
    var attributes: [(name: String, value: String)]

    /// The name without its namespace prefix (`x:row` → `row`): the parts Osaava reads are matched
    /// by local name, whatever prefix a writer chose.
    var localName: Substring { Self.local(name) }

    /// The value of the attribute with this qualified name.
    subscript(_ attribute: String) -> String? {
        attributes.first { $0.name == attribute }?.value
    }

    /// The value of the first attribute with this local name (`r:id`, `ns1:id` → `id`).
    func value(local attribute: String) -> String? {
        attributes.first { Self.local($0.name) == attribute }?.value
    }

    static func local(_ name: String) -> Substring {
        guard let colon = name.lastIndex(of: ":") else { return Substring(name) }
        return name[name.index(after: colon)...]
    }

    static func == (lhs: XMLElement, rhs: XMLElement) -> Bool {
        lhs.name == rhs.name && lhs.attributes.elementsEqual(rhs.attributes) { $0 == $1 }
    }
}

/// Why a part is not well-formed XML, and on which line (1-based).
struct XMLSyntaxError: Error, Equatable, Sendable, CustomStringConvertible {
    var line: Int
    var reason: String

    var description: String { "line \(line): \(reason)" }
}
