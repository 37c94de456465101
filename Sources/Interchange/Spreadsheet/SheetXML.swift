import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// SAX handlers for the parts of an Office Open XML workbook that hold data: the workbook's sheet
/// list, its relationships, the shared strings and a worksheet. Styles are not read: a number is
/// kept as the text Excel wrote (`5`, `4.5`, `45356.59861` for a date), and the readers interpret it.
enum SheetXML {
    /// Parses `data` with `handler`; a malformed part names itself.
    static func parse(_ data: Data, part: String, with handler: some XMLParserDelegate) throws(ContainerError) {
        let parser = XMLParser(data: data)
        parser.delegate = handler
        parser.shouldProcessNamespaces = false
        parser.shouldResolveExternalEntities = false
        guard parser.parse() else {
            throw ContainerError(
                "is not a readable workbook: its part \(part) is not well-formed XML (line \(parser.lineNumber)); "
                    + "open it in Excel and save it again as .xlsx")
        }
    }

    /// The local name of an element or attribute (`r:id` → `id`, `x:row` → `row`).
    static func local(_ name: String) -> Substring {
        name.split(separator: ":").last ?? Substring(name)
    }
}

/// `xl/workbook.xml`: the sheets in workbook order, each with its relationship id.
final class WorkbookHandler: NSObject, XMLParserDelegate {
    private(set) var sheets: [(name: String, relationship: String)] = []

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        guard SheetXML.local(elementName) == "sheet" else { return }
        let relationship = attributes.first { $0.key.hasSuffix(":id") }?.value ?? ""
        sheets.append((attributes["name"] ?? "", relationship))
    }
}

/// `xl/_rels/workbook.xml.rels`: relationship id → target part, and the shared strings part.
final class RelationshipsHandler: NSObject, XMLParserDelegate {
    private(set) var targets: [String: String] = [:]
    private(set) var sharedStrings: String?

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        guard SheetXML.local(elementName) == "Relationship", let id = attributes["Id"],
            let target = attributes["Target"]
        else { return }
        // Targets are relative to xl/ unless they start with "/" (absolute within the package).
        let path = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
        targets[id] = path
        if (attributes["Type"] ?? "").hasSuffix("/sharedStrings") { sharedStrings = path }
    }
}

/// `xl/sharedStrings.xml`: the text of each `<si>`, its rich-text runs joined, phonetic hints left out.
final class SharedStringsHandler: NSObject, XMLParserDelegate {
    private(set) var strings: [String] = []
    private var current = ""
    private var inText = false
    private var inPhonetic = false

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        switch SheetXML.local(elementName) {
        case "si": current = ""
        case "t": inText = !inPhonetic
        case "rPh": inPhonetic = true
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText { current += string }
    }

    func parser(
        _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?
    ) {
        switch SheetXML.local(elementName) {
        case "si": strings.append(current)
        case "t": inText = false
        case "rPh": inPhonetic = false
        default: break
        }
    }
}

/// A worksheet: rows by their spreadsheet row number, cells placed by their column letters.
final class WorksheetHandler: NSObject, XMLParserDelegate {
    private let shared: [String]
    private(set) var rows: [(number: Int, cells: [String])] = []
    /// A cell's shared-string index that points nowhere: the workbook is damaged.
    private(set) var badReference: String?
    private var rowNumber = 0
    private var cells: [String] = []
    private var column = -1
    private var cellType = ""
    private var cellReference = ""
    private var text = ""
    private var collecting = false
    private var inPhonetic = false

    init(shared: [String]) {
        self.shared = shared
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        switch SheetXML.local(elementName) {
        case "row":
            rowNumber = attributes["r"].flatMap { Int($0) } ?? rowNumber + 1
            cells = []
            column = -1
        case "c":
            cellReference = attributes["r"] ?? ""
            column = Self.columnIndex(cellReference) ?? column + 1
            cellType = attributes["t"] ?? "n"
            text = ""
        case "v", "t":
            collecting = !inPhonetic
        case "rPh":
            inPhonetic = true
        default:
            break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if collecting { text += string }
    }

    func parser(
        _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?
    ) {
        switch SheetXML.local(elementName) {
        case "v", "t":
            collecting = false
        case "rPh":
            inPhonetic = false
        case "c":
            guard column >= 0, column < 16_384 else { return }  // Excel's last column is XFD
            var value = text
            if cellType == "s" {
                if let index = Int(text), shared.indices.contains(index) {
                    value = shared[index]
                } else {
                    badReference = badReference ?? cellReference
                    value = ""
                }
            }
            if cells.count <= column { cells += Array(repeating: "", count: column + 1 - cells.count) }
            // Excel stores a line break in a cell as LF; a CR would only come from a foreign writer.
            cells[column] = value.replacingOccurrences(of: "\r\n", with: "\n")
        case "row":
            rows.append((rowNumber, cells))
        default:
            break
        }
    }

    /// `C7` → 2 (0-based); nil when the reference has no letters.
    static func columnIndex(_ reference: String) -> Int? {
        var index = 0
        var letters = 0
        for scalar in reference.unicodeScalars {
            guard (65...90).contains(scalar.value) || (97...122).contains(scalar.value) else { break }
            index = index * 26 + Int(scalar.value & 0x1F)
            letters += 1
            if letters > 3 { return nil }
        }
        return letters == 0 ? nil : index - 1
    }
}
