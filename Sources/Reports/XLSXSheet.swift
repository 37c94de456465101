/// One worksheet's XML, built row by row; strings go to the workbook's shared-string table.
struct XLSXSheet {
    enum Cell {
        case string(String, XLSXStyle)
        case number(String, XLSXStyle)
        /// No value, only a style (a suppressed cell is empty and grey).
        case blank(XLSXStyle)
    }

    var name: String
    var rows: [[Cell?]] = []
    var widths: [Double] = []
    /// The first row stays in view while scrolling.
    var frozenHeader = true

    func xml(strings: inout SharedStrings) -> String {
        let columns = max(widths.count, rows.map(\.count).max() ?? 0)
        var out =
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
            + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
            + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
        let last = Self.reference(column: max(columns, 1) - 1, row: max(rows.count, 1) - 1)
        out += "<dimension ref=\"A1:\(last)\"/>"
        if frozenHeader {
            out +=
                "<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" "
                + "state=\"frozen\"/><selection pane=\"bottomLeft\" activeCell=\"A2\" sqref=\"A2\"/></sheetView></sheetViews>"
        } else {
            out += "<sheetViews><sheetView workbookViewId=\"0\"/></sheetViews>"
        }
        out += "<sheetFormatPr defaultRowHeight=\"15\"/>"
        if !widths.isEmpty {
            out += "<cols>"
            for (index, width) in widths.enumerated() {
                out +=
                    "<col min=\"\(index + 1)\" max=\"\(index + 1)\" width=\"\(HTMLText.coordinate(width))\" customWidth=\"1\"/>"
            }
            out += "</cols>"
        }
        out += "<sheetData>"
        for (rowIndex, row) in rows.enumerated() {
            out += "<row r=\"\(rowIndex + 1)\">"
            for (columnIndex, cell) in row.enumerated() {
                guard let cell else { continue }
                let reference = Self.reference(column: columnIndex, row: rowIndex)
                switch cell {
                case .string(let text, let style):
                    out += "<c r=\"\(reference)\"\(Self.style(style)) t=\"s\"><v>\(strings.index(text))</v></c>"
                case .number(let text, let style):
                    out += "<c r=\"\(reference)\"\(Self.style(style))><v>\(text)</v></c>"
                case .blank(let style):
                    out += "<c r=\"\(reference)\"\(Self.style(style))/>"
                }
            }
            out += "</row>"
        }
        out += "</sheetData>"
        out += "<pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/>"
        return out + "</worksheet>"
    }

    private static func style(_ style: XLSXStyle) -> String {
        style == .plain ? "" : " s=\"\(style.rawValue)\""
    }

    /// "A1"-style reference of a zero-based column and row.
    static func reference(column: Int, row: Int) -> String {
        var letters = ""
        var number = column + 1
        while number > 0 {
            let remainder = (number - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + remainder))) + letters
            number = (number - 1) / 26
        }
        return letters + String(row + 1)
    }
}

/// `xl/sharedStrings.xml`: each distinct string once, in order of first use.
struct SharedStrings {
    private var indices: [String: Int] = [:]
    private(set) var strings: [String] = []
    private(set) var references = 0

    mutating func index(_ text: String) -> Int {
        references += 1
        if let index = indices[text] { return index }
        indices[text] = strings.count
        strings.append(text)
        return strings.count - 1
    }

    var xml: String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
            + "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"\(references)\" "
            + "uniqueCount=\"\(strings.count)\">"
            + strings.map { "<si><t xml:space=\"preserve\">\(XMLText.escape($0))</t></si>" }.joined() + "</sst>"
    }
}

enum XMLText {
    /// Escapes markup and drops the control characters XML 1.0 cannot hold.
    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            case let c where c.value < 0x20 || c.value == 0xFFFE || c.value == 0xFFFF: continue
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
