/// The logic of one survey: ids, fields in the right place and of the right type, option
/// sources, skip conditions that refer to earlier questions and to codes that exist.
struct SurveyValidator {
    let parts: CatalogParts
    let settings: Settings
    let log: IssueLog

    /// The question kinds each field accepts.
    static let fieldKinds: [Field: Set<QuestionKind>] = [
        .organisationName: [.text], .organisationBusinessId: [.text], .organisationRegion: [.choice],
        .organisationSector: [.choice], .organisationSize: [.choice], .organisationRoles: [.multi, .choice],
        .needSkill: [.skill], .needLevel: [.level], .needRegion: [.choice], .needPeople: [.integer],
        .needHorizon: [.choice], .needPriority: [.integer], .needFormats: [.multi, .choice],
        .researchInterest: [.multi, .choice], .researchChallenges: [.multi, .choice], .researchText: [.text],
        .researchInfrastructures: [.multi, .choice], .consentPublish: [.yesno], .consentContact: [.yesno],
        .consentPlanning: [.yesno],
    ]

    static let requiredFields: [Field] = [
        .organisationName, .organisationRegion, .needSkill, .needLevel, .needPeople, .needHorizon, .needPriority,
    ]

    func check(_ survey: SurveyDefinition, at place: Place) {
        let file = place.file
        var seen: Set<String> = []
        var fields: Set<Field> = []
        var earlier: [String: Question] = [:]
        let vocabularies = Set(parts.vocabularies.map(\.0.name))
        let sources = vocabularies.union(Catalog.builtInOptionSources)
        func checkQuestion(_ question: Question, inGroup: Bool) {
            if seen.contains(question.id) {
                log.add(
                    file, question.line, "duplicate question id \"\(question.id)\"",
                    fix: "give each question its own id")
            }
            seen.insert(question.id)
            if let field = question.field {
                if fields.contains(field) {
                    log.add(
                        file, question.line, "field \(field.rawValue) is asked twice",
                        fix: "keep one question per field")
                }
                fields.insert(field)
                if field.isNeedField != inGroup {
                    log.add(
                        file, question.line,
                        "field \(field.rawValue) of question \(question.id) "
                            + (inGroup
                                ? "cannot be inside a repeat group" : "must be inside the repeat group of needs"),
                        fix: inGroup ? "move the question out of the group" : "move the question into the group")
                }
                if let kinds = Self.fieldKinds[field], !kinds.contains(question.kind) {
                    log.add(
                        file, question.line,
                        "field \(field.rawValue) needs a question of type "
                            + kinds.map(\.rawValue).sorted().joined(separator: " or ")
                            + ", not \(question.kind.rawValue)",
                        fix: "change the question's type")
                }
            }
            if question.kind == .choice || question.kind == .multi {
                if let source = question.options {
                    if !sources.contains(source) {
                        log.add(
                            file, question.line, "question \(question.id): unknown options \"\(source)\"",
                            fix: Suggestion.hint(for: source, in: sources.sorted(), what: "option sources"))
                    }
                } else {
                    log.add(
                        file, question.line, "question \(question.id) of type \(question.kind.rawValue) has no options",
                        fix: "add \"options:\" naming a vocabulary or regions/horizons/infrastructures")
                }
            }
            if let pattern = question.pattern, pattern != "business-id" {
                log.add(
                    file, question.line, "question \(question.id): unknown pattern \"\(pattern)\"",
                    fix: "use business-id or remove it")
            }
            if let condition = question.condition {
                if let target = earlier[condition.question] {
                    let codes = Set(options(target))
                    for value in condition.values where !codes.contains(value) {
                        log.add(
                            file, question.line,
                            "the condition of \(question.id): \"\(value)\" is not an option of \(target.id)",
                            fix: Suggestion.hint(for: value, in: codes.sorted(), what: "options"))
                    }
                } else {
                    log.add(
                        file, question.line,
                        "the condition of \(question.id) refers to \"\(condition.question)\", not an earlier question",
                        fix: "name a question asked before it")
                }
            }
            earlier[question.id] = question
        }
        for item in survey.items {
            switch item {
            case .question(let question):
                checkQuestion(question, inGroup: false)
            case .group(let group):
                if seen.contains(group.id) {
                    log.add(file, group.line, "duplicate id \"\(group.id)\"", fix: "rename the group")
                }
                seen.insert(group.id)
                if group.min < 0 || group.max < max(group.min, 1) {
                    log.add(
                        file, group.line, "group \(group.id) needs 0 ≤ min ≤ max and max ≥ 1", fix: "fix min and max")
                }
                for question in group.questions { checkQuestion(question, inGroup: true) }
            }
        }
        for field in Self.requiredFields where !fields.contains(field) {
            log.add(
                file, place.line, "survey \(survey.code) has no question for \(field.rawValue)",
                fix: "add a question with field: \(field.rawValue)")
        }
    }

    /// The codes a choice question accepts (as strings), for checking conditions.
    private func options(_ question: Question) -> [String] {
        switch question.kind {
        case .yesno: return ["yes", "no"]
        case .level: return parts.levels.map { String($0.0.rank) }
        case .skill: return parts.skills.map(\.0.code)
        case .choice, .multi:
            switch question.options ?? "" {
            case "regions": return parts.regions.map(\.0.code)
            case "horizons": return settings.horizons.map(\.code)
            case "levels": return parts.levels.map { String($0.0.rank) }
            case "infrastructures": return parts.infrastructures.map(\.0.code)
            case "skill-groups": return parts.groups.map(\.0.code)
            case let name: return parts.vocabularies.first { $0.0.name == name }?.0.terms.map(\.code) ?? []
            }
        case .text, .integer: return []
        }
    }
}
