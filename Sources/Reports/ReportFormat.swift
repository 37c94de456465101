import Foundation

/// The formats `osaava report` writes.
package enum ReportFormat: String, Sendable, CaseIterable {
    case md, html, xlsx, json, csv

    /// Binary formats cannot go to a terminal.
    package var isBinary: Bool { self == .xlsx }
    /// CSV is one file per table: it needs a folder.
    package var isFolder: Bool { self == .csv }
}

/// One file of a rendered report: its name (for CSV, inside the output folder) and its bytes.
package struct ReportFile: Sendable, Hashable {
    package var name: String
    package var data: Data

    package init(name: String, data: Data) {
        self.name = name
        self.data = data
    }
}

/// How to render: the language, the time to print (`--stamp`; nil = reproducible), CSV for Excel.
package struct ReportOptions: Sendable, Hashable {
    package var language: String
    package var stamp: String?
    package var excel: Bool

    package init(language: String, stamp: String? = nil, excel: Bool = false) {
        self.language = language
        self.stamp = stamp
        self.excel = excel
    }
}

extension SteeringReport {
    /// The report in `format`: one file, or one file per table for CSV. Pure: bytes out.
    package func render(_ format: ReportFormat, options: ReportOptions) throws -> [ReportFile] {
        let content = ReportContent(self, language: options.language, stamp: options.stamp)
        switch format {
        case .md: return [ReportFile(name: "report.md", data: Data(MarkdownReport(content).render().utf8))]
        case .html: return [ReportFile(name: "report.html", data: Data(HTMLReport(content).render().utf8))]
        case .json:
            let json = ReportJSON(content, synthetic: synthetic, minRespondents: minRespondents)
            return [ReportFile(name: "report.json", data: Data(json.render().utf8))]
        case .xlsx:
            return [ReportFile(name: "report.xlsx", data: try XLSXReport(content, stamp: options.stamp).render())]
        case .csv: return ReportCSV(content, excel: options.excel).files()
        }
    }
}
