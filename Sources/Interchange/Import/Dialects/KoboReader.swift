import Catalog
import Foundation

/// KoboToolbox's exports. The `.xlsx` has the main sheet first and one sheet per repeat group,
/// whose rows point to their submission with `_parent_index` = the main row's `_index`. The `;`
/// CSV holds the main sheet only: when the needs come from a repeat group it cannot be imported,
/// and the message says to export the XLSX. Headers and answers are read as XML names (export
/// with "XML values and headers"); the mapping may list label headers as alternatives. Stable id: `_uuid`.
struct KoboReader: Sendable {
    let catalog: Catalog
    let survey: SurveyDefinition
    let mapping: ImportMapping
    let now: String

    func read(_ data: Data) -> ImportBatch {
        let root: ImportTable
        var groupTables: [String: ImportTable] = [:]
        if ZipEntries.isZip(data) {
            let sheets: [Worksheet]
            switch ExportTables.workbook(data) {
            case .success(let read): sheets = read
            case .failure(let problem): return .refused(.kobo, [problem])
            }
            let named = !mapping.repeats.isEmpty
            guard let main = sheets.first.flatMap({ ImportTable($0, named: named) }) else {
                return .refused(.kobo, "the workbook's first sheet is empty; export the form again")
            }
            root = main
            for (group, wanted) in mapping.repeats.sorted(by: { $0.key < $1.key }) {
                // Excel limits sheet names to 31 characters; Kobo cuts longer repeat names.
                let sheet = sheets.dropFirst().first {
                    ImportText.fold($0.name) == ImportText.fold(wanted)
                        || ImportText.fold($0.name) == ImportText.fold(String(wanted.prefix(31)))
                }
                guard let sheet, let table = ImportTable(sheet, named: true) else {
                    let names = sheets.map { "\"\($0.name)\"" }.joined(separator: ", ")
                    return .refused(
                        .kobo,
                        "the workbook has no sheet of repeat group \(group) (\"\(wanted)\"; it has \(names)); export "
                            + "the form again as XLS, or fix repeats: in \(mapping.file)")
                }
                groupTables[group] = table
            }
        } else {
            if let group = mapping.repeats.keys.sorted().first {
                return .refused(
                    .kobo,
                    "a KoboToolbox CSV export holds no repeat groups, so it has none of the answers of \(group); "
                        + "export the form as XLS (Downloads → XLS, \"XML values and headers\") and import the .xlsx")
            }
            switch ExportTables.csv(data) {
            case .success(let table):
                var table = table
                table.dropTagRow()
                root = table
            case .failure(let problem): return .refused(.kobo, [problem])
            }
        }
        let prepared: MappedImport
        switch MappedImport.prepare(
            catalog: catalog, survey: survey, mapping: mapping, rules: .xlsForm, root: root, tables: groupTables)
        {
        case .success(let ready): prepared = ready
        case .failure(let problems): return .refused(.kobo, problems.rows, header: root.header)
        }
        var batch = ImportBatch(dialect: .kobo)
        batch.header = root.header
        let uuidColumn = root.column("_uuid")
        let indexColumn = root.column("_index")
        let timeColumn = root.column("_submission_time")
        var respondents: [Respondent] = []
        var positions: [String: Int] = [:]
        for row in root.rows {
            batch.rows += 1
            let index = root.value(row, indexColumn).trimmingCharacters(in: .whitespaces)
            if !index.isEmpty { positions[Self.index(index)] = respondents.count }
            respondents.append(
                Respondent(
                    line: row.line, table: root.name, fields: row.fields,
                    answeredAt: ExportTime.utc(root.value(row, timeColumn))))
        }
        for (group, table) in groupTables.sorted(by: { $0.key < $1.key }) {
            let parentColumn = table.column("_parent_index")
            for position in respondents.indices { respondents[position].items[group] = [] }
            for row in table.rows {
                let parent = Self.index(table.value(row, parentColumn))
                guard let position = positions[parent] else {
                    batch.rejected.append(
                        RejectedRow(
                            line: row.line, column: "_parent_index",
                            reason: "\"\(parent)\" is the _index of no row of sheet \(root.name ?? "1"); export the "
                                + "form again so that the sheets belong together",
                            record: row.fields, table: table.name))
                    continue
                }
                respondents[position].items[group, default: []].append(
                    Respondent.Item(line: row.line, fields: row.fields))
            }
        }
        prepared.fill(&batch, respondents: respondents, now: now) { respondent, _ in
            let row = CSVTable.Row(line: respondent.line, fields: respondent.fields)
            let id = root.value(row, uuidColumn).trimmingCharacters(in: .whitespaces)
            guard !id.isEmpty else {
                return .failure(
                    RejectedRow(
                        line: respondent.line, column: "_uuid",
                        reason: "is empty; KoboToolbox gives every submission a _uuid — export it again",
                        record: respondent.fields, table: respondent.table))
            }
            return .success(id)
        }
        return batch
    }

    /// `_index` as a number (`3` and `3.0` from a spreadsheet are the same row).
    static func index(_ text: String) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let value = Double(trimmed), value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return trimmed
    }
}
