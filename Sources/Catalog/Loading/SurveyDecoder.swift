import Yams

/// Reads `kind: survey`: the questionnaire, its repeat groups, skip logic and consent text.
enum SurveyDecoder {
    static let questionKeys = [
        "id", "type", "field", "text", "help", "required", "options", "min", "max", "pattern", "when",
    ]
    static let groupKeys = ["group", "title", "more", "min", "max", "questions"]

    static func decode(_ root: Node, reader: YAMLReader) -> SurveyDefinition? {
        guard
            let top = reader.map(
                root, keys: ["formatVersion", "kind", "code", "round", "title", "intro", "consent", "questions"],
                what: "the survey"),
            let code = top.string("code"), let title = top.text("title")
        else { return nil }
        let round = top.string("round") ?? ""
        var consentVersion = ""
        var consentText = Localized([:])
        if let consent = reader.map(top["consent"], keys: ["version", "text"], what: "the consent") {
            consentVersion = consent.string("version") ?? ""
            consentText = consent.text("text") ?? consentText
        } else {
            reader.log.add(
                reader.file, top.line, "survey \(code) has no consent text",
                fix: "add \"consent: {version: ..., text: {...}}\"")
        }
        var items: [SurveyItem] = []
        for node in reader.list(top["questions"], what: "questions") {
            if case .mapping(let mapping) = node, mapping["group"] != nil {
                if let group = group(node, reader: reader) { items.append(.group(group)) }
            } else if let question = question(node, reader: reader) {
                items.append(.question(question))
            }
        }
        return SurveyDefinition(
            code: code, round: round, title: title, intro: top.text("intro", required: false),
            consentVersion: consentVersion, consentText: consentText, items: items, source: reader.file)
    }

    static func group(_ node: Node, reader: YAMLReader) -> RepeatGroup? {
        guard let map = reader.map(node, keys: groupKeys, what: "a repeat group"),
            let id = map.string("group"), let title = map.text("title"), let more = map.text("more")
        else { return nil }
        let questions = reader.list(map["questions"], what: "the questions of group \(id)").compactMap {
            question($0, reader: reader)
        }
        return RepeatGroup(
            id: id, title: title, more: more, min: map.int("min", required: false) ?? 1,
            max: map.int("max", required: false) ?? 20, questions: questions, line: map.line)
    }

    static func question(_ node: Node, reader: YAMLReader) -> Question? {
        guard let map = reader.map(node, keys: questionKeys, what: "a question"), let id = map.string("id"),
            let typeName = map.string("type"), let text = map.text("text")
        else { return nil }
        guard let kind = QuestionKind(rawValue: typeName) else {
            reader.log.add(
                reader.file, map.lineOf("type"), "question \(id) has unknown type \"\(typeName)\"",
                fix: Suggestion.hint(for: typeName, in: QuestionKind.allCases.map(\.rawValue), what: "types"))
            return nil
        }
        var field: Field?
        if let fieldName = map.string("field", required: false) {
            field = Field(rawValue: fieldName)
            if field == nil {
                reader.log.add(
                    reader.file, map.lineOf("field"), "question \(id) has unknown field \"\(fieldName)\"",
                    fix: Suggestion.hint(for: fieldName, in: Field.allCases.map(\.rawValue), what: "fields"))
            }
        }
        var range: ClosedRange<Int>?
        let low = map.int("min", required: false)
        let high = map.int("max", required: false)
        if let low, let high {
            if low <= high {
                range = low...high
            } else {
                reader.log.add(
                    reader.file, map.lineOf("min"), "question \(id): min \(low) is above max \(high)", fix: "swap them")
            }
        } else if low != nil || high != nil {
            reader.log.add(reader.file, map.line, "question \(id) gives only one of min and max", fix: "give both")
        }
        return Question(
            id: id, field: field, kind: kind, text: text, help: map.text("help", required: false),
            required: map.bool("required", default: true), options: map.string("options", required: false),
            range: range, pattern: map.string("pattern", required: false),
            condition: condition(map["when"], question: id, reader: reader), line: map.line)
    }

    static func condition(_ node: Node?, question: String, reader: YAMLReader) -> Condition? {
        guard let map = reader.map(node, keys: ["question", "in", "notIn"], what: "the condition of \(question)"),
            let other = map.string("question")
        else { return nil }
        if map["in"] != nil {
            return Condition(question: other, values: map.strings("in"), negated: false)
        }
        if map["notIn"] != nil {
            return Condition(question: other, values: map.strings("notIn"), negated: true)
        }
        reader.log.add(
            reader.file, map.line, "the condition of \(question) has neither \"in\" nor \"notIn\"",
            fix: "add \"in: [codes]\" or \"notIn: [codes]\"")
        return nil
    }
}
