import Catalog

/// The interview as a pure state machine: its state is the answers given so far, and the next
/// step is a function of the survey and those answers. No terminal, no database: the caller
/// shows `prompt()`, passes each input line to `handle(_:)` and saves `answers` after each reply.
package struct Interview: Sendable {
    package let survey: SurveyDefinition
    package let catalog: Catalog
    package let language: String
    /// The answers on the current path, in the order they were given.
    package private(set) var answers: [Answer]
    /// Earlier answers to steps re-asked after `<`: Enter keeps them.
    package private(set) var defaults: [String: String] = [:]
    let skillSearch: SkillSearch

    /// - Parameter defaults: answers offered with "Enter keeps" (editing a final response).
    package init(
        survey: SurveyDefinition, catalog: Catalog, language: String, answers: [Answer] = [],
        defaults: [Answer] = []
    ) {
        self.survey = survey
        self.catalog = catalog
        self.language = language
        self.answers = []
        skillSearch = SkillSearch(skills: catalog.skills)
        // Replay in order, keeping only answers the survey still asks for (a draft may predate a
        // catalogue change): the state is always a valid path.
        for answer in answers {
            guard let step = current, step.key == answer.key else { continue }
            self.answers.append(answer)
        }
        for answer in defaults where !answer.value.isEmpty { self.defaults[answer.key] = answer.value }
    }

    /// The step to ask next; nil when the interview is complete.
    package var current: Step? { walk().current }

    package var isComplete: Bool { current == nil }

    /// Answer value by key.
    package func value(_ key: String) -> String? {
        answers.last { $0.key == key }?.value
    }

    // MARK: - Walking the survey

    struct Walk {
        var current: Step?
        var visited: [Step]
    }

    /// Follows the survey from the start through the answers given: skip logic and repeat items
    /// decide which steps are on the path.
    func walk() -> Walk {
        let given = Dictionary(answers.map { ($0.key, $0.value) }, uniquingKeysWith: { _, last in last })
        var visited: [Step] = []
        func ask(_ step: Step) -> Bool {
            if given[step.key] == nil { return true }
            visited.append(step)
            return false
        }
        for item in survey.items {
            switch item {
            case .question(let question):
                guard holds(question.condition, item: nil, given: given) else { continue }
                let step = Step(key: question.id, kind: .question(question), group: nil, item: 0)
                if ask(step) { return Walk(current: step, visited: visited) }
            case .group(let group):
                var number = 0
                if group.min == 0 {
                    let more = Step(key: "\(group.id).0.more", kind: .more(group), group: group, item: 0)
                    if ask(more) { return Walk(current: more, visited: visited) }
                    if given[more.key] != "yes" { continue }
                }
                while true {
                    number += 1
                    for question in group.questions
                    where holds(question.condition, item: (group, number), given: given) {
                        let step = Step(
                            key: "\(group.id).\(number).\(question.id)", kind: .question(question), group: group,
                            item: number)
                        if ask(step) { return Walk(current: step, visited: visited) }
                    }
                    if number >= group.max { break }
                    if number < group.min { continue }
                    let more = Step(key: "\(group.id).\(number).more", kind: .more(group), group: group, item: number)
                    if ask(more) { return Walk(current: more, visited: visited) }
                    if given[more.key] != "yes" { break }
                }
            }
        }
        return Walk(current: nil, visited: visited)
    }

    /// Whether a skip condition lets a question be asked. A condition on a question of the same
    /// repeat group refers to the same item.
    func holds(_ condition: Condition?, item: (RepeatGroup, Int)?, given: [String: String]) -> Bool {
        guard let condition else { return true }
        var key = condition.question
        if let (group, number) = item, group.questions.contains(where: { $0.id == condition.question }) {
            key = "\(group.id).\(number).\(condition.question)"
        }
        let codes = Set((given[key] ?? "").split(separator: ",").map(String.init))
        let any = !codes.isDisjoint(with: condition.values)
        return condition.negated ? !any : any
    }

    // MARK: - Input

    /// Handles one input line: a command (`?`, `<`, `!skip`, `!save`) or an answer.
    package mutating func handle(_ line: String) -> Reply {
        let input = line.trimmed
        guard let step = current else { return .rejected("") }
        switch input {
        case "?":
            return .help(help(for: step))
        case "<":
            return back()
        case "!save":
            return .save
        case "!skip":
            guard !step.isRequired else { return .rejected(catalog.texts(.interviewInvalidNotOptional, language)) }
            record(step.key, "")
            return .skipped
        default:
            break
        }
        if input.isEmpty {
            if let old = defaults[step.key] {
                record(step.key, old)
                return .accepted(echo: nil)
            }
            if !step.isRequired {
                record(step.key, "")
                return .skipped
            }
            return .rejected(catalog.texts(.interviewInvalidRequired, language, ["expected": expectation(for: step)]))
        }
        switch parse(input, for: step) {
        case .success(let parsed):
            record(step.key, parsed.value)
            return .accepted(echo: parsed.echo)
        case .failure(let problem):
            return .rejected(problem.message)
        }
    }

    /// Prefills an answer (e.g. `--organisation NAME`) as if it had been typed at its step.
    package mutating func prefill(_ field: Field, with input: String) -> Reply? {
        guard let step = current, step.question?.field == field else { return nil }
        return handle(input)
    }

    private mutating func back() -> Reply {
        guard let previous = walk().visited.last else {
            return .atFirst(catalog.texts(.interviewBackFirst, language))
        }
        if let old = value(previous.key), !old.isEmpty { defaults[previous.key] = old }
        answers.removeAll { $0.key == previous.key }
        return .back
    }

    private mutating func record(_ key: String, _ value: String) {
        answers.removeAll { $0.key == key }
        answers.append(Answer(key: key, value: value))
        defaults[key] = nil
        // Answers that an earlier change took off the path (a flipped condition, fewer items)
        // must not come back silently later: keep only those on the path.
        let onPath = Set(walk().visited.map(\.key))
        answers.removeAll { !onPath.contains($0.key) }
    }
}
