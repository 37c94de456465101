import Catalog

/// Where each mapped question's answer is in an export's tables: resolved once per file from the
/// mapping's header patterns, so that a missing or unknown column refuses the file before any row.
struct MappedLayout: Sendable {
    struct OptionColumn: Sendable {
        var index: Int
        var header: String
        var code: String
    }

    enum Placement: Sendable {
        case column(index: Int, header: String)
        /// One column per option, each chosen or not; columns mapped to "" are left out.
        case options([OptionColumn])
    }

    /// Questions asked once, in the root table.
    var top: [String: Placement] = [:]
    /// Repeat groups laid out as numbered columns of the root table: group → item number → question.
    var numbered: [String: [Int: [String: Placement]]] = [:]
    /// Repeat groups in a table of their own: group → question → placement in that table.
    var tabled: [String: [String: Placement]] = [:]

    static func resolve(
        mapping: ImportMapping, survey: SurveyDefinition, matchers: [String: OptionMatcher], root: ImportTable,
        tables: [String: ImportTable]
    ) -> Result<MappedLayout, RejectedRows> {
        var layout = MappedLayout()
        var problems: [RejectedRow] = []
        let rootHeaders = FoldedHeaders(root)
        var tableHeaders: [String: FoldedHeaders] = [:]
        for (group, table) in tables { tableHeaders[group] = FoldedHeaders(table) }
        for item in survey.items {
            switch item {
            case .question(let question):
                guard let source = mapping.questions[question.id] else { continue }
                switch find(source, of: question, in: rootHeaders, matcher: matchers[question.id], mapping: mapping) {
                case .success(let found): layout.top[question.id] = found[0]
                case .failure(let rejected): problems += rejected.rows
                }
            case .group(let group):
                let own = tableHeaders[group.id]
                for question in group.questions {
                    guard let source = mapping.questions[question.id] else { continue }
                    let headers = own ?? rootHeaders
                    switch find(source, of: question, in: headers, matcher: matchers[question.id], mapping: mapping) {
                    case .success(let found):
                        if own != nil {
                            layout.tabled[group.id, default: [:]][question.id] = found[0]
                        } else {
                            for (number, placement) in found {
                                layout.numbered[group.id, default: [:]][number, default: [:]][question.id] = placement
                            }
                        }
                    case .failure(let rejected): problems += rejected.rows
                    }
                }
            }
        }
        return problems.isEmpty ? .success(layout) : .failure(RejectedRows(problems))
    }

    /// A table's headers, folded once for matching.
    struct FoldedHeaders {
        let table: ImportTable
        let folded: [[Character]]

        init(_ table: ImportTable) {
            self.table = table
            folded = table.header.map { Array(ImportText.fold($0)) }
        }
    }

    /// The placements of one question by item number (0 when the header has no `{n}`): the first
    /// header pattern the table has wins.
    private static func find(
        _ source: ImportMapping.Source, of question: Question, in headers: FoldedHeaders, matcher: OptionMatcher?,
        mapping: ImportMapping
    ) -> Result<[Int: Placement], RejectedRows> {
        let table = headers.table
        for text in source.headers {
            let pattern = ColumnPattern(text)
            var found: [Int: [(index: Int, option: String?)]] = [:]
            for (index, header) in headers.folded.enumerated() {
                guard let match = pattern.match(header) else { continue }
                found[match.number ?? 0, default: []].append((index, match.option))
            }
            guard !found.isEmpty else { continue }
            var placements: [Int: Placement] = [:]
            var problems: [RejectedRow] = []
            for (number, columns) in found {
                switch source.shape {
                case .column:
                    let index = columns[0].index
                    placements[number] = .column(index: index, header: table.header[index])
                case .optionColumns:
                    var options: [OptionColumn] = []
                    for (index, option) in columns {
                        let header = table.header[index]
                        switch matcher?.match(option ?? "") ?? .unknown {
                        case .code(let code): options.append(OptionColumn(index: index, header: header, code: code))
                        case .noAnswer: continue
                        case .unknown, .ambiguous:
                            problems.append(
                                RejectedRow(
                                    line: table.headerLine, column: header,
                                    reason: "\"\(option ?? "")\" is not an option of \(question.id) that Osaava "
                                        + "can tell; map it under values: → \(question.id): in \(mapping.file) "
                                        + "(\"\(option ?? "")\": its code, or \"\" to leave the column out)",
                                    table: table.name))
                        }
                    }
                    placements[number] = .options(options)
                }
            }
            return problems.isEmpty ? .success(placements) : .failure(RejectedRows(problems))
        }
        let tried = source.headers.map { "\"\($0)\"" }.joined(separator: " or ")
        return .failure(
            RejectedRows([
                RejectedRow(
                    line: table.headerLine, column: source.headers.first ?? question.id,
                    reason: "the export has no column \(tried) for question \(question.id) "
                        + "(\(mapping.file):\(source.line)); check that this is the \(mapping.dialect) export of survey "
                        + "\(mapping.survey), or fix the header in the mapping",
                    table: table.name)
            ]))
    }
}
