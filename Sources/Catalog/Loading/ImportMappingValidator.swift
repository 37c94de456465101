import Foundation

/// The checks of an import mapping that need the survey: every question id, group and target code
/// exists, columns fit the layout, and every required question has a column or a default.
struct ImportMappingValidator {
    let parts: CatalogParts
    let settings: Settings
    let log: IssueLog

    func validate() {
        var seen: [String: ImportMapping] = [:]
        for (mapping, _) in parts.importMappings {
            let key = mapping.survey + "|" + mapping.dialect
            if let first = seen[key] {
                log.add(
                    mapping.file, mapping.line,
                    "a second \(mapping.dialect) mapping of survey \(mapping.survey) (first in \(first.file))",
                    fix: "keep one file per dialect and survey")
            } else {
                seen[key] = mapping
            }
            check(mapping)
        }
    }

    private func check(_ mapping: ImportMapping) {
        let file = mapping.file
        guard let survey = parts.surveys.first(where: { $0.0.code == mapping.survey })?.0 else {
            log.add(
                file, mapping.line, "the import mapping is for survey \"\(mapping.survey)\", which the catalogue lacks",
                fix: Suggestion.hint(for: mapping.survey, in: parts.surveys.map(\.0.code), what: "surveys"))
            return
        }
        if let language = mapping.language, !settings.languages.contains(language) {
            log.add(
                file, mapping.line, "language \"\(language)\" is not a language of the settings",
                fix: Suggestion.hint(for: language, in: settings.languages, what: "languages"))
        }
        if let zone = mapping.timeZone, TimeZone(identifier: zone) == nil {
            log.add(
                file, mapping.line, "unknown time zone \"\(zone)\"", fix: "use an IANA name such as Europe/Helsinki")
        }
        checkDialectKeys(mapping)
        var groupOf: [String: RepeatGroup] = [:]
        var questions: [String: Question] = [:]
        for item in survey.items {
            switch item {
            case .question(let question): questions[question.id] = question
            case .group(let group):
                for question in group.questions {
                    questions[question.id] = question
                    groupOf[question.id] = group
                }
            }
        }
        let ids = survey.allQuestions.map(\.id)
        func known(_ id: String, line: Int, under key: String) -> Question? {
            if let question = questions[id] { return question }
            log.add(
                file, line, "\(key): \"\(id)\" is not a question of survey \(survey.code)",
                fix: Suggestion.hint(for: id, in: ids, what: "question ids"))
            return nil
        }
        let groups = survey.items.compactMap { item -> RepeatGroup? in
            if case .group(let group) = item { return group }
            return nil
        }
        for group in mapping.repeats.keys.sorted() where !groups.contains(where: { $0.id == group }) {
            log.add(
                file, mapping.line, "repeats: \"\(group)\" is not a repeat group of survey \(survey.code)",
                fix: Suggestion.hint(for: group, in: groups.map(\.id), what: "groups"))
        }
        for id in mapping.questions.keys.sorted() {
            guard let source = mapping.questions[id], let question = known(id, line: source.line, under: "questions")
            else { continue }
            checkSource(source, of: question, in: groupOf[id], mapping: mapping)
        }
        for id in mapping.values.keys.sorted() {
            guard let map = mapping.values[id], let question = known(id, line: map.line, under: "values") else {
                continue
            }
            let codes = self.codes(question)
            guard !codes.isEmpty else {
                log.add(
                    file, map.line, "values: question \(id) is of type \(question.kind.rawValue) and has no codes",
                    fix: "remove its values (only choice, multi, level, skill and yesno answers are coded)")
                continue
            }
            for (answer, target) in map.entries.sorted(by: { $0.key < $1.key })
            where !target.isEmpty && !codes.contains(target) {
                log.add(
                    file, map.lines[answer] ?? map.line,
                    "values of \(id): \"\(answer)\" maps to \"\(target)\", not a code of its options",
                    fix: Suggestion.hint(for: target, in: codes, what: "codes") + ", or \"\" for no answer")
            }
        }
        for id in mapping.defaults.keys.sorted() {
            guard let given = mapping.defaults[id], let question = known(id, line: given.line, under: "defaults") else {
                continue
            }
            if mapping.questions[id] != nil {
                log.add(
                    file, given.line, "question \(id) has both a column and a default",
                    fix: "remove one: a default is for a question the export does not ask")
            }
            let codes = self.codes(question)
            let parts = question.kind == .multi ? given.value.split(separator: ",").map(String.init) : [given.value]
            for part in parts where !codes.isEmpty && !part.isEmpty && !codes.contains(part) {
                log.add(
                    file, given.line, "the default of \(id), \"\(part)\", is not a code of its options",
                    fix: Suggestion.hint(for: part, in: codes, what: "codes"))
            }
        }
        for question in survey.allQuestions
        where question.required && mapping.questions[question.id] == nil && mapping.defaults[question.id] == nil {
            log.add(
                file, mapping.line, "required question \(question.id) has no column in the \(mapping.dialect) mapping",
                fix: "map it under questions:, or give the answer every response gets under defaults:")
        }
    }

    /// Keys that only one dialect reads: elsewhere they would be silently ignored.
    private func checkDialectKeys(_ mapping: ImportMapping) {
        if mapping.surveyId != nil && mapping.dialect != "limesurvey" {
            log.add(
                mapping.file, mapping.line, "surveyId is LimeSurvey's, not \(mapping.dialect)'s", fix: "remove it")
        }
        if !(mapping.respondent.isEmpty && mapping.answeredAt.isEmpty) && mapping.dialect != "webropol" {
            log.add(
                mapping.file, mapping.line,
                "respondent and answeredAt name Webropol's columns; \(mapping.dialect) has its own",
                fix: "remove them")
        }
        if !mapping.repeats.isEmpty && !["odk", "kobo"].contains(mapping.dialect) {
            log.add(
                mapping.file, mapping.line,
                "\(mapping.dialect) exports one row per response, so no repeat group lives in a table of its own",
                fix: "remove repeats: and give the group's questions numbered headers with {n}")
        }
    }

    private func checkSource(
        _ source: ImportMapping.Source, of question: Question, in group: RepeatGroup?, mapping: ImportMapping
    ) {
        let file = mapping.file
        let id = question.id
        let numbered = group.map { mapping.repeats[$0.id] == nil } ?? false
        for header in source.headers {
            let hasNumber = header.contains("{n}")
            if numbered && !hasNumber {
                log.add(
                    file, source.line,
                    "question \(id) of repeat group \(group?.id ?? "") has a header without {n}: \"\(header)\"",
                    fix: "put {n} where the item number stands, e.g. \"Need {n}: ...\", or name the group's table "
                        + "under repeats:")
            }
            if !numbered && hasNumber {
                log.add(
                    file, source.line, "question \(id) is asked once per response, but its header has {n}",
                    fix: "remove {n} from \"\(header)\"")
            }
            let hasOption = header.contains("{option}")
            if source.shape == .optionColumns && !hasOption {
                log.add(
                    file, source.line, "optionColumns of \(id) has no {option}: \"\(header)\"",
                    fix: "put {option} where the option's text or code stands, e.g. \"Question - {option}\"")
            }
            if source.shape == .column && hasOption {
                log.add(
                    file, source.line, "question \(id): {option} only makes sense in optionColumns",
                    fix: "write {optionColumns: \"\(header)\"}")
            }
        }
        if source.shape == .optionColumns && question.kind != .multi {
            log.add(
                file, source.line, "question \(id) is of type \(question.kind.rawValue); only multi has optionColumns",
                fix: "write its column with column:")
        }
        if source.separator != nil && question.kind != .multi {
            log.add(
                file, source.line, "question \(id) is of type \(question.kind.rawValue): a separator means nothing",
                fix: "remove it")
        }
    }

    /// The catalogue codes an answer to `question` may have; empty for text and integer questions.
    private func codes(_ question: Question) -> [String] {
        switch question.kind {
        case .yesno: return ["yes", "no"]
        case .level: return parts.levels.map { String($0.0.rank) }
        case .skill: return parts.skills.map(\.0.code)
        case .text, .integer: return []
        case .choice, .multi:
            switch question.options ?? "" {
            case "regions": return parts.regions.map(\.0.code)
            case "horizons": return settings.horizons.map(\.code)
            case "levels": return parts.levels.map { String($0.0.rank) }
            case "infrastructures": return parts.infrastructures.map(\.0.code)
            case "skill-groups": return parts.groups.map(\.0.code)
            case let name: return parts.vocabularies.first { $0.0.name == name }?.0.terms.map(\.code) ?? []
            }
        }
    }
}
