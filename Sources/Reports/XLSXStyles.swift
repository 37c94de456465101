/// The cell styles of the workbook (`xl/styles.xml`) and the index of each in `cellXfs`.
enum XLSXStyle: Int, CaseIterable {
    case plain = 0
    case header, integer, decimal, percent, suppressed
    case totalText, totalInteger, totalDecimal, totalPercent
    case note, title, paragraph

    /// The style of a value in a body row.
    static func of(_ value: ReportValue, total: Bool) -> XLSXStyle {
        switch value {
        case .text: total ? .totalText : .plain
        case .integer: total ? .totalInteger : .integer
        case .decimal: total ? .totalDecimal : .decimal
        case .percent: total ? .totalPercent : .percent
        case .suppressed: .suppressed
        case .empty: .plain
        }
    }

    /// Fonts: 0 regular, 1 bold, 2 italic, 3 large bold. Fills: 2 suppressed grey, 3 header band.
    /// Number formats: 3 = #,##0 and 9 = 0% (built in), 164 = #,##0.0.
    private var xf: String {
        switch self {
        case .plain: xf(font: 0)
        case .header: xf(font: 1, fill: 3, wrap: true)
        case .integer: xf(format: 3)
        case .decimal: xf(format: 164)
        case .percent: xf(format: 9)
        case .suppressed: xf(fill: 2)
        case .totalText: xf(font: 1)
        case .totalInteger: xf(font: 1, format: 3)
        case .totalDecimal: xf(font: 1, format: 164)
        case .totalPercent: xf(font: 1, format: 9)
        case .note: xf(font: 2)
        case .title: xf(font: 3)
        case .paragraph: xf(wrap: true)
        }
    }

    private func xf(font: Int = 0, fill: Int = 0, format: Int = 0, wrap: Bool = false) -> String {
        var attributes = "numFmtId=\"\(format)\" fontId=\"\(font)\" fillId=\"\(fill)\" borderId=\"0\" xfId=\"0\""
        if font != 0 { attributes += " applyFont=\"1\"" }
        if fill != 0 { attributes += " applyFill=\"1\"" }
        if format != 0 { attributes += " applyNumberFormat=\"1\"" }
        if wrap { return "<xf \(attributes) applyAlignment=\"1\"><alignment wrapText=\"1\" vertical=\"top\"/></xf>" }
        return "<xf \(attributes)/>"
    }

    static let xml = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
        <numFmts count="1"><numFmt numFmtId="164" formatCode="#,##0.0"/></numFmts>\
        <fonts count="4">\
        <font><sz val="11"/><name val="Calibri"/><family val="2"/></font>\
        <font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font>\
        <font><i/><sz val="11"/><name val="Calibri"/><family val="2"/></font>\
        <font><b/><sz val="14"/><name val="Calibri"/><family val="2"/></font>\
        </fonts>\
        <fills count="4">\
        <fill><patternFill patternType="none"/></fill>\
        <fill><patternFill patternType="gray125"/></fill>\
        <fill><patternFill patternType="solid"><fgColor rgb="FFD9DEE4"/><bgColor indexed="64"/></patternFill></fill>\
        <fill><patternFill patternType="solid"><fgColor rgb="FFF1F4F8"/><bgColor indexed="64"/></patternFill></fill>\
        </fills>\
        <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
        <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
        <cellXfs count="\(allCases.count)">\(allCases.map(\.xf).joined())</cellXfs>\
        <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>\
        </styleSheet>
        """
}
