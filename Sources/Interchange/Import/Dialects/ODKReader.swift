import Catalog
import Foundation

/// ODK Central's `submissions.csv.zip`: the root CSV (one row per submission, groups flattened with
/// `-`, e.g. `meta-instanceID`) and one CSV per repeat group, whose rows point to their submission
/// with `PARENT_KEY` = the root row's `KEY`. `select_multiple` answers are space-separated names.
/// Rows that are `not decrypted` or whose review state is `rejected` are skipped and reported. The
/// stable id is `meta-instanceID`. A bare root CSV is read too, when no need comes from a repeat.
struct ODKReader: Sendable {
    let catalog: Catalog
    let survey: SurveyDefinition
    let mapping: ImportMapping
    let now: String

    func read(_ data: Data, fileName: String) -> ImportBatch {
        var tables: [ImportTable] = []
        if ZipEntries.isZip(data) {
            let zip: ZipEntries
            do {
                zip = try ZipEntries(data, what: "ODK Central export")
            } catch {
                return .refused(.odk, "the file " + error.message)
            }
            for path in zip.paths where path.lowercased().hasSuffix(".csv") {
                let name = String(path.split(separator: "/").last ?? Substring(path))
                switch ExportTables.csv(zip.files[path] ?? Data(), name: name) {
                case .success(let table): tables.append(table)
                case .failure(let problem): return .refused(.odk, [problem])
                }
            }
        } else {
            switch ExportTables.csv(data, name: fileName.isEmpty ? nil : fileName) {
            case .success(let table): tables.append(table)
            case .failure(let problem): return .refused(.odk, [problem])
            }
        }
        let roots = tables.filter { $0.column("PARENT_KEY") == nil }
        guard let root = roots.first(where: { $0.column("SubmissionDate") != nil }) ?? roots.first else {
            return .refused(
                .odk,
                "the export has no submissions CSV (one with SubmissionDate and KEY columns); download "
                    + "submissions.csv.zip from the form's Submissions page in ODK Central")
        }
        var groupTables: [String: ImportTable] = [:]
        for (group, wanted) in mapping.repeats.sorted(by: { $0.key < $1.key }) {
            guard
                let table = tables.first(where: {
                    Self.isTable($0.name, named: wanted) && $0.column("PARENT_KEY") != nil
                })
            else {
                return .refused(
                    .odk,
                    "the export has no CSV of repeat group \(group) (a file named …-\(wanted).csv with a PARENT_KEY "
                        + "column); download submissions.csv.zip (with repeat groups) from ODK Central, not the root "
                        + "CSV alone")
            }
            groupTables[group] = table
        }
        let prepared: MappedImport
        switch MappedImport.prepare(
            catalog: catalog, survey: survey, mapping: mapping, rules: .xlsForm, root: root, tables: groupTables)
        {
        case .success(let ready): prepared = ready
        case .failure(let problems): return .refused(.odk, problems.rows, header: root.header)
        }
        var batch = ImportBatch(dialect: .odk)
        batch.header = root.header
        let instanceColumn = root.column(anyOf: ["meta-instanceID", "instanceID", "meta/instanceID"])
        let keyColumn = root.column("KEY") ?? instanceColumn
        let statusColumn = root.column("Status")
        let reviewColumn = root.column("ReviewState")
        let dateColumn = root.column("SubmissionDate")
        let rootName = groupTables.isEmpty ? nil : root.name
        var respondents: [Respondent] = []
        var keys: Set<String> = []
        var skippedKeys: Set<String> = []
        for row in root.rows {
            batch.rows += 1
            let key = root.value(row, keyColumn)
            let status = ImportText.fold(root.value(row, statusColumn))
            let review = ImportText.fold(root.value(row, reviewColumn))
            if status == "not decrypted" || review == "rejected" {
                skippedKeys.insert(key)
                let reason =
                    status == "not decrypted"
                    ? "submission \(key) is encrypted and not decrypted; export again with the form's private key"
                    : "submission \(key) was rejected in review in ODK Central"
                batch.skipped.append(SkippedRow(line: row.line, reason: reason, table: rootName))
                continue
            }
            keys.insert(key)
            respondents.append(
                Respondent(
                    line: row.line, table: rootName, fields: row.fields,
                    answeredAt: ExportTime.utc(root.value(row, dateColumn))))
        }
        for (group, table) in groupTables.sorted(by: { $0.key < $1.key }) {
            let parentColumn = table.column("PARENT_KEY")
            var byParent: [String: [Respondent.Item]] = [:]
            for row in table.rows {
                let parent = table.value(row, parentColumn)
                if keys.contains(parent) {
                    byParent[parent, default: []].append(Respondent.Item(line: row.line, fields: row.fields))
                } else if !skippedKeys.contains(parent) {
                    batch.rejected.append(
                        RejectedRow(
                            line: row.line, column: "PARENT_KEY",
                            reason: "\"\(parent)\" is no submission of \(root.name ?? "the root CSV"); export the form "
                                + "again so that the files belong together",
                            record: row.fields, table: table.name))
                }
            }
            for index in respondents.indices {
                let key = root.value(CSVTable.Row(line: 0, fields: respondents[index].fields), keyColumn)
                respondents[index].items[group] = byParent[key] ?? []
            }
        }
        prepared.fill(&batch, respondents: respondents, now: now) { respondent, _ in
            let row = CSVTable.Row(line: respondent.line, fields: respondent.fields)
            let id = root.value(row, instanceColumn ?? keyColumn).trimmingCharacters(in: .whitespaces)
            guard !id.isEmpty else {
                return .failure(
                    RejectedRow(
                        line: respondent.line, column: "meta-instanceID",
                        reason: "is empty; ODK gives every submission an instance id — export it again",
                        record: respondent.fields, table: respondent.table))
            }
            return .success(id)
        }
        return batch
    }

    /// ODK names a repeat's CSV `<form>-<group path>-<repeat>.csv`: the mapping names the end of it.
    static func isTable(_ name: String?, named wanted: String) -> Bool {
        guard let name else { return false }
        let base = ImportText.fold(name.hasSuffix(".csv") ? String(name.dropLast(4)) : name)
        let target = ImportText.fold(wanted.hasSuffix(".csv") ? String(wanted.dropLast(4)) : wanted)
        return base == target || base.hasSuffix("-" + target)
    }
}
