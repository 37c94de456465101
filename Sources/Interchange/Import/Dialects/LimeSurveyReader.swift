import Catalog
import Foundation

/// LimeSurvey's response export (Responses → Export → CSV): UTF-8 with BOM, every field quoted,
/// `,`, `;` or tab, leading columns `id,submitdate,lastpage,startlanguage,seed`, question codes as
/// headers (`Q2[SQ001]`), answer codes by default. A row without `submitdate` is an unfinished
/// response: skipped and reported, never imported. The stable id is the survey id (SID) + `id`.
struct LimeSurveyReader: Sendable {
    let catalog: Catalog
    let survey: SurveyDefinition
    let mapping: ImportMapping
    let now: String

    func read(_ data: Data, fileName: String) -> ImportBatch {
        let table: ImportTable
        switch ExportTables.csv(data) {
        case .success(let read): table = read
        case .failure(let problem): return .refused(.limesurvey, [problem])
        }
        // "Full" headings use the labels; codes are the default.
        let idColumn = table.column(anyOf: ["id", "Response ID"])
        let submitColumn = table.column(anyOf: ["submitdate", "Date submitted"])
        guard let idColumn, let submitColumn else {
            return .refused(
                .limesurvey, line: table.headerLine, column: idColumn == nil ? "id" : "submitdate",
                "the header has no \(idColumn == nil ? "id" : "submitdate") column, so this is not a LimeSurvey "
                    + "response export; export it again from Responses → Export with all columns")
        }
        guard let surveyId = mapping.surveyId ?? Self.surveyId(fileName: fileName) else {
            return .refused(
                .limesurvey,
                "cannot tell the LimeSurvey survey id, part of every response id: keep the export's name "
                    + "results-survey<SID>.csv, or set surveyId: in \(mapping.file)")
        }
        let prepared: MappedImport
        switch MappedImport.prepare(
            catalog: catalog, survey: survey, mapping: mapping, rules: .limeSurvey, root: table)
        {
        case .success(let ready): prepared = ready
        case .failure(let problems): return .refused(.limesurvey, problems.rows, header: table.header)
        }
        var batch = ImportBatch(dialect: .limesurvey)
        batch.header = table.header
        let languageColumn = table.column(anyOf: ["startlanguage", "Start language"])
        let zone = ExportTime.zone(mapping.timeZone)
        var respondents: [Respondent] = []
        for row in table.rows {
            batch.rows += 1
            let submitted = table.value(row, submitColumn).trimmingCharacters(in: .whitespaces)
            guard !submitted.isEmpty else {
                batch.skipped.append(
                    SkippedRow(
                        line: row.line,
                        reason: "response \(table.value(row, idColumn)) is incomplete (no submitdate); it is "
                            + "imported once the respondent finishes it"))
                continue
            }
            let language = table.value(row, languageColumn).trimmingCharacters(in: .whitespaces)
            respondents.append(
                Respondent(
                    line: row.line, table: nil, fields: row.fields, language: language.isEmpty ? nil : language,
                    answeredAt: ExportTime.limeSurvey(submitted, zone: zone)))
        }
        prepared.fill(&batch, respondents: respondents, now: now) { respondent, _ in
            let id =
                idColumn < respondent.fields.count
                ? respondent.fields[idColumn].trimmingCharacters(in: .whitespaces) : ""
            guard !id.isEmpty else {
                return .failure(
                    RejectedRow(
                        line: respondent.line, column: "id",
                        reason: "is empty; every LimeSurvey response has an id — export it again",
                        record: respondent.fields))
            }
            return .success("limesurvey:\(surveyId):\(id)")
        }
        return batch
    }

    /// The SID in LimeSurvey's file name `results-survey123456.csv` (a browser may add ` (1)`).
    static func surveyId(fileName: String) -> String? {
        guard let range = fileName.range(of: "survey", options: [.caseInsensitive, .backwards]) else { return nil }
        let digits = fileName[range.upperBound...].prefix { $0.isASCII && $0.isNumber }
        return digits.isEmpty ? nil : String(digits)
    }
}
