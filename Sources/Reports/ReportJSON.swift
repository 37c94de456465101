/// The report as a JSON document (schema in docs/reports.md, `schemaVersion` 1): every table with
/// its columns and rows, each cell `{"value": …}`; a suppressed cell is `{"value": null,
/// "suppressed": true}`. Provenance for the whole report and for each table.
package struct ReportJSON: Sendable {
    package static let schemaVersion = 1

    let content: ReportContent
    let synthetic: Bool
    let minRespondents: Int

    package init(_ content: ReportContent, synthetic: Bool, minRespondents: Int) {
        self.content = content
        self.synthetic = synthetic
        self.minRespondents = minRespondents
    }

    package func render() -> String {
        let document = JSONValue.object([
            ("schemaVersion", .integer(Self.schemaVersion)),
            ("title", .string(content.title)),
            ("language", .string(content.language)),
            ("generated", .optional(content.stamp)),
            ("synthetic", .bool(synthetic)),
            ("minRespondents", .integer(minRespondents)),
            (
                "markers",
                .object([
                    ("suppressed", .string(ReportContent.suppressedMarker)),
                    ("illustrative", .string(ReportContent.illustrativeMarker)),
                ])
            ),
            (
                "notes",
                .object([
                    ("suppressed", .string(content.texts.suppressed)),
                    ("illustrative", .string(content.texts.illustrative)),
                ])
            ),
            ("provenance", Self.provenance(content.provenance)),
            ("tables", .array(content.tables.map(table))),
            ("methods", .array(content.methods.map { .string($0) })),
        ])
        return document.render() + "\n"
    }

    static func provenance(_ provenance: Provenance) -> JSONValue {
        .object([
            ("command", .string(provenance.command)),
            ("rounds", .array(provenance.rounds.map { .string($0) }, compact: true)),
            ("responses", .integer(provenance.responses)),
            ("catalogue", .string(provenance.catalog)),
            ("data", .string(provenance.data)),
        ])
    }

    private func table(_ table: ReportTable) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("id", .string(table.id)),
            ("title", .string(table.title)),
            ("provenance", Self.provenance(table.provenance)),
            (
                "columns",
                .array(
                    table.columns.map {
                        .object(
                            [
                                ("id", .string($0.id)), ("label", .string($0.label)),
                                ("type", .string($0.kind.rawValue)),
                            ], compact: true)
                    })
            ),
        ]
        if !table.groups.isEmpty {
            members.append(
                (
                    "groups",
                    .array(
                        table.groups.map {
                            .object(
                                [
                                    ("id", .string($0.id)), ("title", .string($0.title)),
                                    ("summary", .string($0.summary)),
                                ], compact: true)
                        })
                ))
        }
        members.append(("rows", .array(table.rows.map(row))))
        return .object(members)
    }

    private func row(_ row: ReportRow) -> JSONValue {
        var members: [(String, JSONValue)] = [("total", .bool(row.isTotal))]
        if let group = row.group { members.append(("group", .string(group))) }
        members.append(("cells", .array(row.cells.map(cell), compact: true)))
        return .object(members, compact: true)
    }

    private func cell(_ cell: ReportCell) -> JSONValue {
        var members: [(String, JSONValue)]
        switch cell.value {
        case .text(let text, let code):
            members = [("value", .string(text))]
            if let code { members.append(("code", .string(code))) }
        case .integer(let value): members = [("value", .integer(value))]
        case .decimal(let value, let places):
            members = [("value", .number(NumberStyle.plain.decimal(value, places: places)))]
        case .percent(let share): members = [("value", .number(NumberStyle.plain.decimal(share, places: 2)))]
        case .suppressed: members = [("value", .null), ("suppressed", .bool(true))]
        case .empty: members = [("value", .null)]
        }
        if cell.illustrative { members.append(("illustrative", .bool(true))) }
        return .object(members, compact: true)
    }
}
