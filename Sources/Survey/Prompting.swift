import Catalog

extension Interview {
    /// What to print before reading the answer to `current`: heading, question, choices,
    /// what is expected, and the default. Ends with "> " (the caller flushes).
    package func prompt() -> String {
        guard let step = current else { return "" }
        var lines: [String] = []
        if let group = step.group, step.item > 0, isFirstOfItem(step) {
            let title = catalog.texts(
                .interviewItem, language, ["title": group.title(language), "n": String(step.item)])
            lines.append("── \(title) ──")
        }
        switch step.kind {
        case .more(let group):
            if step.item > 0 { lines.append(summary(of: group)) }
            lines.append(group.more(language))
        case .question(let question):
            lines.append(question.text(language))
            if question.kind == .choice || question.kind == .multi || question.kind == .level {
                lines.append(numbered(options(for: step)))
            }
        }
        var hints = [expectation(for: step)]
        if !step.isRequired { hints.append(catalog.texts(.interviewOptional, language)) }
        if let old = defaults[step.key] {
            hints.append(catalog.texts(.interviewDefault, language, ["value": display(old, for: step)]))
        }
        lines.append(hints.joined(separator: " "))
        return lines.joined(separator: "\n") + "\n> "
    }

    /// The first lines of an interview: title and the commands.
    package func opening() -> String {
        catalog.texts(.interviewStart, language, ["title": survey.title(language)]) + "\n"
            + (survey.intro.map { $0(language) + "\n" } ?? "") + catalog.texts(.interviewCommands, language) + "\n"
    }

    /// The answer to `?`: the question's help, what is accepted, the commands.
    func help(for step: Step) -> String {
        var lines: [String] = []
        if let help = step.question?.help { lines.append(help(language)) }
        if let kind = step.question?.kind, kind == .choice || kind == .multi || kind == .level {
            lines.append(numbered(options(for: step)))
        }
        if step.question?.kind == .skill {
            lines.append(catalog.texts(.interviewSkillList, language))
            lines.append(skillLines(catalog.skills))
        }
        lines.append(expectation(for: step))
        lines.append(catalog.texts(.interviewCommands, language))
        return lines.joined(separator: "\n")
    }

    /// One sentence saying what answers the step accepts.
    func expectation(for step: Step) -> String {
        switch step.kind {
        case .more:
            return catalog.texts(.interviewYesNo, language)
        case .question(let question):
            switch question.kind {
            case .text: return catalog.texts(.interviewText, language)
            case .integer:
                let allowed = range(of: question)
                return catalog.texts(
                    .interviewRange, language, ["min": String(allowed.lowerBound), "max": String(allowed.upperBound)])
            case .choice, .level:
                return catalog.texts(.interviewChooseOne, language, ["n": String(options(for: step).count)])
            case .multi:
                return catalog.texts(.interviewChooseMany, language, ["n": String(options(for: step).count)])
            case .yesno: return catalog.texts(.interviewYesNo, language)
            case .skill: return catalog.texts(.interviewSkill, language)
            }
        }
    }

    private func numbered(_ terms: [Term]) -> String {
        terms.enumerated().map { index, term in
            if case .question(let question) = current?.kind, question.kind == .level,
                let level = catalog.level(Int(term.code) ?? 0), !level.eqf.isEmpty
            {
                return "  \(index + 1)) \(term.name(language)) (EQF \(level.eqf))"
            }
            return "  \(index + 1)) \(term.name(language))"
        }.joined(separator: "\n")
    }

    private func isFirstOfItem(_ step: Step) -> Bool {
        guard let group = step.group, step.question != nil else { return false }
        let prefix = "\(group.id).\(step.item)."
        return !answers.contains { $0.key.hasPrefix(prefix) }
    }

    /// A stored value as the person typed it: names for codes.
    func display(_ value: String, for step: Step) -> String {
        switch step.question?.kind {
        case .skill: return catalog.skill(value).map { "\($0.code) \($0.name(language))" } ?? value
        case .choice, .multi, .level:
            let terms = options(for: step)
            return value.split(separator: ",").map { code in
                terms.first { $0.code == code }?.name(language) ?? String(code)
            }.joined(separator: ", ")
        case .yesno, nil: return catalog.texts(value == "yes" ? .interviewYes : .interviewNo, language)
        default: return value
        }
    }

    /// The running summary shown before "add another?": one line per item entered so far.
    func summary(of group: RepeatGroup) -> String {
        let items = Set(
            answers.compactMap { answer -> Int? in
                let parts = answer.key.split(separator: ".")
                return parts.count == 3 && parts[0] == group.id ? Int(parts[1]) : nil
            }
        ).sorted()
        let lines = items.map { number -> String in
            let fields = group.questions.compactMap { question -> String? in
                guard let value = value("\(group.id).\(number).\(question.id)"), !value.isEmpty else { return nil }
                let step = Step(key: "", kind: .question(question), group: group, item: number)
                return display(value, for: step)
            }
            return "  \(number). " + fields.joined(separator: " · ")
        }
        return catalog.texts(.interviewSummary, language) + "\n" + lines.joined(separator: "\n")
    }
}
