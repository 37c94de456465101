import Catalog

/// The web-survey and exchange formats Osaava reads.
package enum Dialect: String, Sendable, CaseIterable {
    case osaava, webropol, limesurvey, kobo, odk
}

/// A row the import refuses, with where and why, in words a coordinator can act on.
package struct RejectedRow: Sendable, Hashable, CustomStringConvertible {
    /// 1-based line in the file (the record's first line), or 0 for the file as a whole.
    package var line: Int
    package var column: String?
    package var reason: String
    /// The row's fields as read, so a rejects file can be fixed and imported again.
    package var record: [String]

    package init(line: Int, column: String?, reason: String, record: [String] = []) {
        self.line = line
        self.column = column
        self.reason = reason
        self.record = record
    }

    package var description: String {
        let place = line > 0 ? "line \(line)" : "file"
        return column.map { "\(place), column \($0): \(reason)" } ?? "\(place): \(reason)"
    }
}

/// A row the export itself marks as not a response (incomplete, not decrypted, rejected):
/// reported, never imported silently.
package struct SkippedRow: Sendable, Hashable, CustomStringConvertible {
    package var line: Int
    package var reason: String

    package init(line: Int, reason: String) {
        self.line = line
        self.reason = reason
    }

    package var description: String { "line \(line): skipped — \(reason)" }
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
