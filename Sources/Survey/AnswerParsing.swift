import Catalog

/// An answer line turned into its canonical stored value.
struct ParsedAnswer {
    var value: String
    var echo: String?
}

/// Why an answer line was not accepted, in the interview's language.
struct AnswerProblem: Error {
    var message: String
}

extension Interview {
    /// The coded options of a choice step, in catalogue order.
    func options(for step: Step) -> [Term] {
        switch step.kind {
        case .more:
            return [
                Term(code: "yes", name: Localized([language: catalog.texts(.interviewYes, language)])),
                Term(code: "no", name: Localized([language: catalog.texts(.interviewNo, language)])),
            ]
        case .question(let question):
            switch question.kind {
            case .choice, .multi: return catalog.options(question.options ?? "")
            case .level: return catalog.options("levels")
            default: return []
            }
        }
    }

    /// The allowed range of an integer question: its own, else the settings' for people and priority.
    func range(of question: Question) -> ClosedRange<Int> {
        if let range = question.range { return range }
        switch question.field {
        case .needPeople: return catalog.settings.peopleRange
        case .needPriority: return catalog.settings.priorityRange
        default: return 0...Int.max
        }
    }

    func parse(_ input: String, for step: Step) -> Result<ParsedAnswer, AnswerProblem> {
        let kind: QuestionKind = step.question?.kind ?? .yesno
        switch kind {
        case .text:
            if step.question?.pattern == "business-id" {
                guard let id = BusinessId.normalised(input) else {
                    return .failure(
                        AnswerProblem(message: catalog.texts(.interviewInvalidBusinessId, language, ["value": input])))
                }
                return .success(ParsedAnswer(value: id))
            }
            return .success(ParsedAnswer(value: input))
        case .integer:
            let question = step.question
            let allowed = question.map(range(of:)) ?? 0...Int.max
            let digits = input.filter { !$0.isWhitespace && $0 != "\u{00A0}" }
            guard let number = Int(digits), allowed.contains(number) else {
                return .failure(
                    AnswerProblem(
                        message: catalog.texts(
                            .interviewInvalidInteger, language,
                            ["value": input, "min": String(allowed.lowerBound), "max": String(allowed.upperBound)])))
            }
            return .success(ParsedAnswer(value: String(number)))
        case .yesno:
            guard let yes = yesNo(input) else {
                return .failure(
                    AnswerProblem(
                        message: catalog.texts(
                            .interviewInvalidYesNo, language, ["value": input, "expected": expectation(for: step)])))
            }
            return .success(ParsedAnswer(value: yes ? "yes" : "no"))
        case .choice, .level:
            guard let term = choose(input, from: options(for: step)) else {
                return .failure(invalidChoice(input, step))
            }
            return .success(ParsedAnswer(value: term.code))
        case .multi:
            let options = options(for: step)
            var codes: [String] = []
            // Pieces between commas or semicolons; a piece that is not one choice (a name of several
            // words) may be several numbers or codes separated by spaces ("1 3").
            for part in input.split(whereSeparator: { $0 == "," || $0 == ";" }) {
                let whole = String(part).trimmed
                if whole.isEmpty { continue }
                let pieces =
                    choose(whole, from: options) != nil
                    ? [whole] : whole.split(whereSeparator: { $0.isWhitespace }).map(String.init)
                for piece in pieces {
                    guard let term = choose(piece, from: options) else {
                        return .failure(invalidChoice(piece, step))
                    }
                    if !codes.contains(term.code) { codes.append(term.code) }
                }
            }
            // "," alone chooses nothing: not an answer (Enter or !skip is, where the question allows it).
            guard !codes.isEmpty else { return .failure(invalidChoice(input, step)) }
            // Stored in catalogue order, so that the same choices always give the same value.
            let ordered = options.map(\.code).filter(codes.contains)
            return .success(ParsedAnswer(value: ordered.joined(separator: ",")))
        case .skill:
            return parseSkill(input)
        }
    }

    private func invalidChoice(_ input: String, _ step: Step) -> AnswerProblem {
        AnswerProblem(
            message: catalog.texts(
                .interviewInvalidChoice, language, ["value": input, "expected": expectation(for: step)]))
    }

    /// A choice by its number, its code or its name in any language (diacritics ignored).
    func choose(_ input: String, from options: [Term]) -> Term? {
        let text = input.folded.trimmed
        if let number = Int(text), (1...max(options.count, 1)).contains(number), number <= options.count {
            return options[number - 1]
        }
        return options.first { $0.code.folded == text } ?? options.first { $0.name.all.contains { $0.folded == text } }
    }

    package func yesNo(_ input: String) -> Bool? {
        let text = input.folded.trimmed
        // The stored codes are always understood, whatever the language's words.
        if text == "yes" { return true }
        if text == "no" { return false }
        func words(_ key: TextKey) -> Set<String> {
            Set(catalog.texts(key, language).split(separator: ",").map { String($0).folded.trimmed })
        }
        if words(.interviewYesWords).contains(text) { return true }
        if words(.interviewNoWords).contains(text) { return false }
        return nil
    }

    private func parseSkill(_ input: String) -> Result<ParsedAnswer, AnswerProblem> {
        switch skillSearch.find(input) {
        case .found(let skill):
            return .success(ParsedAnswer(value: skill.code, echo: "→ \(skill.code) \(skill.name(language))"))
        case .several(let skills):
            let heading = catalog.texts(.interviewSkillMany, language, ["value": input])
            return .failure(AnswerProblem(message: heading + "\n" + skillLines(skills)))
        case .none(let suggestions):
            let names = suggestions.map { "\($0.code) \($0.name(language))" }.joined(separator: "; ")
            return .failure(
                AnswerProblem(
                    message: catalog.texts(.interviewSkillNone, language, ["value": input, "suggestions": names])))
        }
    }

    /// Numbered skill lines, numbered as in the whole taxonomy so that a number means the same skill everywhere.
    func skillLines(_ skills: [Skill]) -> String {
        skills.map { skill in
            let number = skillSearch.number(of: skill).map(String.init) ?? "-"
            return "  \(number)) \(skill.code) \(skill.name(language))"
        }.joined(separator: "\n")
    }
}
