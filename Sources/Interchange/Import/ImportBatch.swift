import Catalog

/// The web-survey and exchange formats Osaava reads.
package enum Dialect: String, Sendable, CaseIterable {
    case osaava, webropol, limesurvey, kobo, odk
}

/// A row the import refuses, with where and why, in words a coordinator can act on.
package struct RejectedRow: Error, Sendable, Hashable, CustomStringConvertible {
    /// 1-based line in the file (the record's first line), or 0 for the file as a whole.
    package var line: Int
    package var column: String?
    package var reason: String
    /// The row's fields as read, so a rejects file can be fixed and imported again. For an export
    /// of several tables (ODK's repeat CSVs, Kobo's repeat sheets) these are the response's root row.
    package var record: [String]
    /// The table the line is in, when the export has several: a CSV of the ODK zip, a sheet.
    package var table: String?

    package init(line: Int, column: String?, reason: String, record: [String] = [], table: String? = nil) {
        self.line = line
        self.column = column
        self.reason = reason
        self.record = record
        self.table = table
    }

    /// The line, qualified by its table when there is one (`household-needs.csv:3`).
    package var location: String {
        table.map { "\($0):\(line)" } ?? String(line)
    }

    package var description: String {
        // A refusal of the whole file reads as its reason alone ("the file is not a readable workbook…").
        if line == 0 && column == nil && table == nil { return reason }
        let place = line > 0 ? "line \(line)" : "file"
        let qualified = table.map { "\($0) \(place)" } ?? place
        return column.map { "\(qualified), column \($0): \(reason)" } ?? "\(qualified): \(reason)"
    }
}

/// A row the export itself marks as not a response (incomplete, not decrypted, rejected):
/// reported, never imported silently.
package struct SkippedRow: Sendable, Hashable, CustomStringConvertible {
    package var line: Int
    package var reason: String
    package var table: String?

    package init(line: Int, reason: String, table: String? = nil) {
        self.line = line
        self.reason = reason
        self.table = table
    }

    package var description: String {
        (table.map { "\($0) line \(line)" } ?? "line \(line)") + ": skipped — \(reason)"
    }
}

/// A response read from a file, with the line it starts on.
package struct ImportedResponse: Sendable, Hashable {
    package var response: SurveyResponse
    package var line: Int

    package init(response: SurveyResponse, line: Int) {
        self.response = response
        self.line = line
    }
}

/// Everything read from one file: valid responses, rejected rows, skipped rows.
package struct ImportBatch: Sendable {
    package var dialect: Dialect
    package var responses: [ImportedResponse] = []
    package var rejected: [RejectedRow] = []
    package var skipped: [SkippedRow] = []
    /// Data rows read (for counts and rates).
    package var rows = 0
    /// The file's header, for a rejects file in the same shape.
    package var header: [String] = []

    package init(dialect: Dialect) {
        self.dialect = dialect
    }
}

/// Several rejected rows as one failure: a file refused for more than one reason.
struct RejectedRows: Error, Sendable {
    var rows: [RejectedRow]

    init(_ rows: [RejectedRow]) {
        self.rows = rows
    }
}
