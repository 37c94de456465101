import Catalog
import Foundation

extension MappedImport {
    /// Adds the responses of `respondents` to `batch`: each row's problems are all reported; a
    /// stable id seen twice in one file is refused the second time (it would overwrite the first).
    func fill(
        _ batch: inout ImportBatch, respondents: [Respondent], now: String,
        id: (Respondent, [Answer]) -> Result<String, RejectedRow>
    ) {
        var seen: [String: Respondent] = [:]
        for respondent in respondents {
            let answers: [Answer]
            switch self.answers(for: respondent) {
            case .success(let built): answers = built
            case .failure(let problems):
                batch.rejected += problems.rows
                continue
            }
            let stableId: String
            switch id(respondent, answers) {
            case .success(let value): stableId = value
            case .failure(let problem):
                batch.rejected.append(problem)
                continue
            }
            if let first = seen[stableId] {
                let place = first.table.map { "\($0) line \(first.line)" } ?? "line \(first.line)"
                batch.rejected.append(
                    RejectedRow(
                        line: respondent.line, column: nil,
                        reason: "response \(stableId) is already on \(place); an export lists each response once — "
                            + "remove the duplicate row",
                        record: respondent.fields, table: respondent.table))
                continue
            }
            seen[stableId] = respondent
            switch response(id: stableId, respondent: respondent, answers: answers, now: now) {
            case .success(let response):
                batch.responses.append(ImportedResponse(response: response, line: respondent.line))
            case .failure(let problem):
                batch.rejected.append(problem)
            }
        }
    }
}

extension ImportBatch {
    /// A batch refused as a whole (unreadable file, missing columns), with every reason.
    static func refused(_ dialect: Dialect, _ problems: [RejectedRow], header: [String] = []) -> ImportBatch {
        var batch = ImportBatch(dialect: dialect)
        batch.rejected = problems
        batch.header = header
        return batch
    }

    static func refused(_ dialect: Dialect, line: Int = 0, column: String? = nil, _ reason: String) -> ImportBatch {
        refused(dialect, [RejectedRow(line: line, column: column, reason: reason)])
    }
}

/// Reading the tables of an export, with the reasons a file cannot be read put as a coordinator can act on them.
enum ExportTables {
    /// A CSV export (any encoding Excel or the tools write, `,`/`;`/tab).
    static func csv(_ data: Data, name: String? = nil) -> Result<ImportTable, RejectedRow> {
        do {
            return .success(ImportTable(try CSVParser.parse(TextDecoding.decode(data).text), name: name))
        } catch {
            return .failure(RejectedRow(line: error.line, column: nil, reason: error.message, table: name))
        }
    }

    /// The worksheets of an `.xlsx` export.
    static func workbook(_ data: Data) -> Result<[Worksheet], RejectedRow> {
        do {
            return .success(try XLSXReader.read(data))
        } catch {
            return .failure(RejectedRow(line: 0, column: nil, reason: "the file " + error.message))
        }
    }
}
