import Yams

/// Reads `kind: importMapping`: where a web-survey export keeps each answer of a survey.
/// The checks that need the survey (question ids, option codes) are `ImportMappingValidator`'s.
enum ImportMappingDecoder {
    static let keys = [
        "formatVersion", "kind", "survey", "dialect", "language", "surveyId", "respondent", "answeredAt", "timeZone",
        "questions", "repeats", "values", "checked", "defaults",
    ]

    static func decode(_ root: Node, reader: YAMLReader) -> ImportMapping? {
        guard let top = reader.map(root, keys: keys, what: "the import mapping"),
            let survey = top.string("survey"), let dialect = top.string("dialect")
        else { return nil }
        if !ImportMapping.dialects.contains(dialect) {
            reader.log.add(
                reader.file, top.lineOf("dialect"), "unknown import dialect \"\(dialect)\"",
                fix: Suggestion.hint(for: dialect, in: ImportMapping.dialects, what: "dialects")
                    + " (the needs CSV, dialect osaava, needs no mapping)")
        }
        var questions: [String: ImportMapping.Source] = [:]
        for (id, node) in entries(top["questions"], what: "questions", reader: reader) {
            if let source = source(node, question: id, reader: reader) { questions[id] = source }
        }
        if questions.isEmpty {
            reader.log.add(
                reader.file, top.lineOf("questions"), "the import mapping maps no question",
                fix: "add \"questions:\" with a column header for each question id of survey \(survey)")
        }
        var repeats: [String: String] = [:]
        for (group, node) in entries(top["repeats"], what: "repeats", reader: reader) {
            guard let table = scalar(node), !table.isEmpty else {
                reader.log.add(
                    reader.file, reader.line(node), "repeat group \(group) names no table",
                    fix: "write the repeat CSV's or sheet's name, e.g. \"\(group): \(group)\"")
                continue
            }
            repeats[group] = table
        }
        var values: [String: ImportMapping.ValueMap] = [:]
        for (question, node) in entries(top["values"], what: "values", reader: reader) {
            var map = ImportMapping.ValueMap(entries: [:], line: reader.line(node))
            for (answer, target) in entries(node, what: "the values of \(question)", reader: reader) {
                guard case .scalar = target else {
                    reader.log.add(
                        reader.file, reader.line(target), "the value \"\(answer)\" of \(question) must map to one code",
                        fix: "write e.g. \"\(answer): code\", or \"\(answer): \\\"\\\"\" for no answer")
                    continue
                }
                map.entries[answer] = target.null != nil ? "" : (target.string ?? "")
                map.lines[answer] = reader.line(target)
            }
            values[question] = map
        }
        var defaults: [String: ImportMapping.Default] = [:]
        for (question, node) in entries(top["defaults"], what: "defaults", reader: reader) {
            guard let value = scalar(node) else {
                reader.log.add(
                    reader.file, reader.line(node), "the default of \(question) must be one value",
                    fix: "write the answer's code, e.g. \"\(question): \\\"yes\\\"\"")
                continue
            }
            defaults[question] = ImportMapping.Default(value: value, line: reader.line(node))
        }
        return ImportMapping(
            survey: survey, dialect: dialect, language: top.string("language", required: false),
            surveyId: top.string("surveyId", required: false), respondent: headers(top, "respondent"),
            answeredAt: headers(top, "answeredAt"), timeZone: top.string("timeZone", required: false),
            questions: questions, repeats: repeats, values: values, checked: top.strings("checked"),
            defaults: defaults, file: reader.file, line: top.line)
    }

    /// A question's place: a header, a list of alternative headers, or a mapping
    /// `{column: ..., separator: ...}` / `{optionColumns: ...}`.
    private static func source(_ node: Node, question: String, reader: YAMLReader) -> ImportMapping.Source? {
        let line = reader.line(node)
        switch node {
        case .scalar, .sequence:
            guard let headers = headerList(node, what: "the columns of \(question)", reader: reader) else { return nil }
            return ImportMapping.Source(shape: .column, headers: headers, line: line)
        case .mapping:
            guard
                let map = reader.map(
                    node, keys: ["column", "optionColumns", "separator"], what: "the columns of \(question)")
            else { return nil }
            let column = map["column"].flatMap { headerList($0, what: "column of \(question)", reader: reader) }
            let options = map["optionColumns"].flatMap {
                headerList($0, what: "optionColumns of \(question)", reader: reader)
            }
            switch (column, options) {
            case (let headers?, nil):
                return ImportMapping.Source(
                    shape: .column, headers: headers, separator: map.string("separator", required: false), line: line)
            case (nil, let headers?):
                if map["separator"] != nil {
                    reader.log.add(
                        reader.file, map.lineOf("separator"),
                        "question \(question): a separator means nothing with optionColumns",
                        fix: "remove it (each option has its own column)")
                }
                return ImportMapping.Source(shape: .optionColumns, headers: headers, line: line)
            default:
                reader.log.add(
                    reader.file, line, "question \(question) needs exactly one of column and optionColumns",
                    fix: "write {column: \"header\"} or {optionColumns: \"header with {option}\"}")
                return nil
            }
        default:
            return nil
        }
    }

    private static func headerList(_ node: Node, what: String, reader: YAMLReader) -> [String]? {
        if let single = scalar(node) {
            guard !single.isEmpty else {
                reader.log.add(reader.file, reader.line(node), "\(what) is empty", fix: "write the column's header")
                return nil
            }
            return [single]
        }
        let items = reader.list(node, what: what).compactMap(scalar).filter { !$0.isEmpty }
        guard !items.isEmpty else {
            reader.log.add(reader.file, reader.line(node), "\(what) names no header", fix: "write the column's header")
            return nil
        }
        return items
    }

    private static func headers(_ top: YAMLMap, _ key: String) -> [String] {
        guard let node = top[key] else { return [] }
        return scalar(node).map { [$0] } ?? top.strings(key)
    }

    private static func scalar(_ node: Node) -> String? {
        guard case .scalar(let value) = node else { return nil }
        return value.string
    }

    /// A mapping's entries in file order (keys are ids or export values; they may look like numbers).
    private static func entries(_ node: Node?, what: String, reader: YAMLReader) -> [(String, Node)] {
        guard let node else { return [] }
        guard case .mapping(let mapping) = node else {
            reader.log.add(
                reader.file, reader.line(node), "expected a mapping (key: value lines) for \(what)",
                fix: "indent its entries under it")
            return []
        }
        return mapping.map { (key, value) in (key.string ?? "", value) }
    }
}
