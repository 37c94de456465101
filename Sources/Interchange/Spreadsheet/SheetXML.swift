import Foundation

/// A reader of one part of an Office Open XML workbook, fed the part's events in order.
protocol SheetPartReader {
    mutating func take(_ event: XMLEvent)
}

/// The parts of a workbook that hold data: the workbook's sheet list, its relationships, the
/// shared strings and a worksheet. Styles are not read: a number is kept as the text Excel wrote
/// (`5`, `4.5`, `45356.59861` for a date), and the readers interpret it.
enum SheetXML {
    /// Feeds `data` to `reader`; a part that is not well-formed XML names itself and the problem.
    static func read(_ data: Data, part: String, into reader: inout some SheetPartReader) throws(ContainerError) {
        do {
            var scanner = try XMLScanner(data)
            while let event = try scanner.next() { reader.take(event) }
        } catch {
            throw ContainerError(
                "is not a readable workbook: its part \(part) is not well-formed XML (\(error)); "
                    + "open it in Excel and save it again as .xlsx")
        }
    }
}

/// `xl/workbook.xml`: the sheets in workbook order, each with its relationship id.
struct WorkbookReader: SheetPartReader {
    private(set) var sheets: [(name: String, relationship: String)] = []

    mutating func take(_ event: XMLEvent) {
        guard case .start(let element) = event, element.localName == "sheet" else { return }
        // The relationship id is `r:id` (any prefix); `sheetId` is another attribute.
        let relationship = element.attributes.first { $0.name.hasSuffix(":id") }?.value ?? ""
        sheets.append((element["name"] ?? "", relationship))
    }
}

/// `xl/_rels/workbook.xml.rels`: relationship id → target part, and the shared strings part.
struct RelationshipsReader: SheetPartReader {
    private(set) var targets: [String: String] = [:]
    private(set) var sharedStrings: String?

    mutating func take(_ event: XMLEvent) {
        guard case .start(let element) = event, element.localName == "Relationship", let id = element["Id"],
            let target = element["Target"]
        else { return }
        // Targets are relative to xl/ unless they start with "/" (absolute within the package).
        let path = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
        targets[id] = path
        if (element["Type"] ?? "").hasSuffix("/sharedStrings") { sharedStrings = path }
    }
}

/// `xl/sharedStrings.xml`: the text of each `<si>`, its rich-text runs joined, phonetic hints left out.
struct SharedStringsReader: SheetPartReader {
    private(set) var strings: [String] = []
    private var current = ""
    private var inText = false
    private var inPhonetic = false

    mutating func take(_ event: XMLEvent) {
        switch event {
        case .start(let element):
            switch element.localName {
            case "si": current = ""
            case "t": inText = !inPhonetic
            case "rPh": inPhonetic = true
            default: break
            }
        case .text(let text):
            if inText { current += text }
        case .end(let name):
            switch XMLElement.local(name) {
            case "si": strings.append(current)
            case "t": inText = false
            case "rPh": inPhonetic = false
            default: break
            }
        }
    }
}

/// A worksheet: rows by their spreadsheet row number, cells placed by their column letters.
struct WorksheetReader: SheetPartReader {
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

    mutating func take(_ event: XMLEvent) {
        switch event {
        case .start(let element): start(element)
        case .text(let string): if collecting { text += string }
        case .end(let name): end(XMLElement.local(name))
        }
    }

    private mutating func start(_ element: XMLElement) {
        switch element.localName {
        case "row":
            rowNumber = element["r"].flatMap { Int($0) } ?? rowNumber + 1
            cells = []
            column = -1
        case "c":
            cellReference = element["r"] ?? ""
            column = Self.columnIndex(cellReference) ?? column + 1
            cellType = element["t"] ?? "n"
            text = ""
        case "v", "t":
            collecting = !inPhonetic
        case "rPh":
            inPhonetic = true
        default:
            break
        }
    }

    private mutating func end(_ name: Substring) {
        switch name {
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
