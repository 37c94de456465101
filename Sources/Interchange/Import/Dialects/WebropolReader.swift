import Catalog
import Foundation

/// Webropol's raw-data export: the native `.xlsx` workbook, or that workbook re-saved by Excel as
/// CSV (Finnish locale: `;`, Windows-1252 or UTF-8 with BOM, decimal commas, `d.M.yyyy H:mm`).
/// One row per respondent, full question texts as headers, numbered need columns.
///
/// Webropol gives no stable response id, so the id is the respondent number plus a hash of the
/// respondent's answers (as the catalogue reads them, so the workbook and its CSV give the same
/// ids). It is weaker than the other dialects': an answer edited in Webropol looks like a new
/// respondent, whose response then sits beside the old one.
struct WebropolReader: Sendable {
    let catalog: Catalog
    let survey: SurveyDefinition
    let mapping: ImportMapping
    let now: String

    static let respondentHeaders = ["Vastaaja", "Vastaajan numero", "Respondent", "Respondent number", "Svarande"]
    static let timeHeaders = ["Vastausaika", "Vastauspäivä", "Answer time", "Response time", "Svarstid"]

    func read(_ data: Data) -> ImportBatch {
        let loaded: Result<ImportTable, RejectedRow>
        if ZipEntries.isZip(data) {
            loaded = ExportTables.workbook(data).flatMap { sheets in
                guard let table = sheets.first.flatMap({ ImportTable($0, named: false) }) else {
                    return .failure(RejectedRow(line: 0, column: nil, reason: "the workbook's first sheet is empty"))
                }
                return .success(table)
            }
        } else {
            loaded = ExportTables.csv(data)
        }
        let table: ImportTable
        switch loaded {
        case .success(let read): table = read
        case .failure(let problem): return .refused(.webropol, [problem])
        }
        let prepared: MappedImport
        switch MappedImport.prepare(
            catalog: catalog, survey: survey, mapping: mapping, rules: .webropol, root: table)
        {
        case .success(let ready): prepared = ready
        case .failure(let problems): return .refused(.webropol, problems.rows, header: table.header)
        }
        var batch = ImportBatch(dialect: .webropol)
        batch.header = table.header
        let respondentColumn = table.column(
            anyOf: mapping.respondent.isEmpty ? Self.respondentHeaders : mapping.respondent)
        let timeColumn = table.column(anyOf: mapping.answeredAt.isEmpty ? Self.timeHeaders : mapping.answeredAt)
        let zone = ExportTime.zone(mapping.timeZone)
        var respondents: [Respondent] = []
        // Excel keeps rows that only ever held formatting: they are not respondents.
        for row in table.rows where row.fields.contains(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) {
            batch.rows += 1
            respondents.append(
                Respondent(
                    line: row.line, table: nil, fields: row.fields,
                    answeredAt: ExportTime.webropol(table.value(row, timeColumn), zone: zone)))
        }
        prepared.fill(&batch, respondents: respondents, now: now) { respondent, answers in
            let number = respondentColumn.map { column in
                column < respondent.fields.count ? respondent.fields[column].trimmingCharacters(in: .whitespaces) : ""
            }
            let digest = SHA256.hex(Array(answers.map { $0.key + "=" + $0.value }.joined(separator: "\n").utf8))
            let hash = String(digest.prefix(12))
            guard let number, !number.isEmpty else { return .success("webropol:\(survey.code):\(hash)") }
            return .success("webropol:\(survey.code):\(Self.respondentNumber(number)):\(hash)")
        }
        return batch
    }

    /// Excel may write the respondent number as `12` or `12,0`: the same respondent.
    static func respondentNumber(_ text: String) -> String {
        let whole = text.split(whereSeparator: { $0 == "," || $0 == "." }).first.map(String.init) ?? text
        return Int(whole).map(String.init) ?? text
    }
}
