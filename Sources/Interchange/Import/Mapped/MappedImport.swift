import Catalog
import Foundation

/// Turns the rows of a web-survey export into the answers an interview would have recorded
/// (`org_name`, `needs.2.skill`, `needs.1.more`), validating each against the catalogue, following
/// the survey's order, skip conditions and repeat-group limits; then into a response through
/// `ResponseAssembler`, so that an imported response can be edited like an interviewed one.
struct MappedImport: Sendable {
    let catalog: Catalog
    let survey: SurveyDefinition
    let mapping: ImportMapping
    let layout: MappedLayout
    let matchers: [String: OptionMatcher]
    let rules: DialectRules
    let tables: [String: ImportTable]
    let validator: CodeValidator

    /// Resolves the mapping against the export's header(s); a missing column refuses the file.
    static func prepare(
        catalog: Catalog, survey: SurveyDefinition, mapping: ImportMapping, rules: DialectRules, root: ImportTable,
        tables: [String: ImportTable] = [:]
    ) -> Result<MappedImport, RejectedRows> {
        let matchers = Self.matchers(catalog: catalog, survey: survey, mapping: mapping)
        switch MappedLayout.resolve(mapping: mapping, survey: survey, matchers: matchers, root: root, tables: tables) {
        case .success(let layout):
            return .success(
                MappedImport(
                    catalog: catalog, survey: survey, mapping: mapping, layout: layout, matchers: matchers,
                    rules: rules, tables: tables, validator: CodeValidator(catalog: catalog)))
        case .failure(let problems):
            return .failure(problems)
        }
    }

    /// The answers of one respondent in interview order, or every problem found in its row(s).
    func answers(for respondent: Respondent) -> Result<[Answer], RejectedRows> {
        var state = AnswerState(respondent: respondent)
        for item in survey.items {
            switch item {
            case .question(let question):
                let cell = layout.top[question.id].map { Cell(placement: $0, fields: respondent.fields) }
                let place = Place(line: respondent.line, table: respondent.table)
                record(question, key: question.id, cell: cell, place: place, item: nil, into: &state)
            case .group(let group):
                collect(group, respondent: respondent, into: &state)
            }
        }
        return state.problems.isEmpty ? .success(state.answers) : .failure(RejectedRows(state.problems))
    }

    /// The response for `answers`, with the consent time the export gives (else the import time).
    func response(id: String, respondent: Respondent, answers: [Answer], now: String) -> Result<
        SurveyResponse, RejectedRow
    > {
        let languages = catalog.settings.languages
        let language =
            [respondent.language, mapping.language].compactMap { $0 }.first { languages.contains($0) }
            ?? catalog.settings.defaultLanguage
        do {
            let response = try ResponseAssembler(survey: survey, settings: catalog.settings).assemble(
                id: id, language: language, answers: answers, now: respondent.answeredAt ?? now, synthetic: false)
            return .success(response)
        } catch {
            return .failure(
                RejectedRow(
                    line: respondent.line, column: nil, reason: "\(error)", record: respondent.fields,
                    table: respondent.table))
        }
    }

    // MARK: - One respondent

    /// Where a value is, for messages.
    struct Place {
        var line: Int
        var table: String?
    }

    /// A placement with the row it reads from.
    struct Cell {
        var placement: MappedLayout.Placement
        var fields: [String]

        func text(_ index: Int) -> String {
            index < fields.count ? fields[index] : ""
        }

        var header: String {
            switch placement {
            case .column(_, let header): header
            case .options(let columns): columns.first?.header ?? ""
            }
        }
    }

    struct AnswerState {
        let respondent: Respondent
        var answers: [Answer] = []
        var given: [String: String] = [:]
        var problems: [RejectedRow] = []

        init(respondent: Respondent) {
            self.respondent = respondent
        }

        mutating func add(_ key: String, _ value: String) {
            answers.append(Answer(key: key, value: value))
            given[key] = value
        }

        mutating func reject(_ place: Place, column: String?, _ reason: String) {
            problems.append(
                RejectedRow(
                    line: place.line, column: column, reason: reason, record: respondent.fields, table: place.table))
        }
    }

    /// The items of a repeat group that say something, numbered 1, 2, … as the interview would.
    private func collect(_ group: RepeatGroup, respondent: Respondent, into state: inout AnswerState) {
        var items: [(place: Place, cells: [String: Cell])] = []
        if let placements = layout.tabled[group.id] {
            let table = tables[group.id]
            for row in respondent.items[group.id] ?? [] {
                let cells = placements.mapValues { Cell(placement: $0, fields: row.fields) }
                items.append((Place(line: row.line, table: table?.name), cells))
            }
        } else if let numbered = layout.numbered[group.id] {
            for number in numbered.keys.sorted() {
                let cells = (numbered[number] ?? [:]).mapValues { Cell(placement: $0, fields: respondent.fields) }
                items.append((Place(line: respondent.line, table: respondent.table), cells))
            }
        }
        let present = items.filter { item in item.cells.values.contains { !isBlank($0) } }
        let place = Place(line: respondent.line, table: respondent.table)
        if present.count < group.min {
            state.reject(
                place, column: nil,
                "gives \(present.count) item(s) of \(group.id); the survey asks for at least \(group.min)")
        }
        if present.count > group.max {
            state.reject(
                place, column: nil,
                "gives \(present.count) items of \(group.id); the survey takes at most \(group.max). "
                    + "Import the extra ones as another response or drop them in the export")
        }
        if group.min == 0 { state.add("\(group.id).0.more", present.isEmpty ? "no" : "yes") }
        for (offset, item) in present.prefix(group.max).enumerated() {
            let number = offset + 1
            for question in group.questions {
                record(
                    question, key: "\(group.id).\(number).\(question.id)", cell: item.cells[question.id],
                    place: item.place, item: (group, number), into: &state)
            }
            if number >= group.min && number < group.max {
                state.add("\(group.id).\(number).more", number < present.count ? "yes" : "no")
            }
        }
    }

    /// Whether a cell says nothing: empty, or option columns none of which is chosen.
    private func isBlank(_ cell: Cell) -> Bool {
        switch cell.placement {
        case .column(let index, _):
            return cell.text(index).trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
        case .options(let columns):
            return columns.allSatisfy { column in
                let text = cell.text(column.index).trimmingCharacters(in: .whitespaces)
                return text.isEmpty || rules.unchecked.contains(ImportText.fold(text))
            }
        }
    }

    /// Validates one answer and records it under `key` when the survey asks the question.
    private func record(
        _ question: Question, key: String, cell: Cell?, place: Place, item: (RepeatGroup, Int)?,
        into state: inout AnswerState
    ) {
        let column = cell?.header
        let value: String?
        if let cell {
            switch read(cell, for: question) {
            case .success(let read): value = read
            case .failure(let problem):
                state.reject(place, column: column, problem.message)
                return
            }
        } else {
            value = mapping.defaults[question.id].map(\.value).flatMap { $0.isEmpty ? nil : $0 }
        }
        guard holds(question.condition, item: item, given: state.given) else {
            if let value, let condition = question.condition {
                let which = condition.negated ? "none of" : "one of"
                state.reject(
                    place, column: column,
                    "answers \(question.id) (\"\(value)\"), which the survey asks only when \(condition.question) is "
                        + "\(which) \(condition.values.joined(separator: ", ")); clear one of the two answers")
            }
            return
        }
        guard let value else {
            if question.required {
                state.reject(place, column: column, "is empty; question \(question.id) is required")
            } else {
                state.add(key, "")
            }
            return
        }
        state.add(key, value)
    }

    /// The canonical value of a cell: one column's text, or the options whose columns are chosen.
    private func read(_ cell: Cell, for question: Question) -> Result<String?, CodeProblem> {
        let matcher = matchers[question.id]
        switch cell.placement {
        case .column(let index, _):
            let separator = mapping.questions[question.id]?.separator ?? rules.separator
            return validator.answer(
                rules.unmask(cell.text(index)), to: question, matcher: matcher, separator: separator,
                mapping: mapping.file)
        case .options(let columns):
            var chosen: [String] = []
            for column in columns {
                let text = cell.text(column.index).trimmingCharacters(in: .whitespaces)
                let folded = ImportText.fold(text)
                if text.isEmpty || rules.unchecked.contains(folded) { continue }
                let checked = rules.checked.contains(folded) || mapping.checked.map(ImportText.fold).contains(folded)
                // Some exports write the option's own text into its column instead of 1.
                guard checked || matcher?.match(text) == .code(column.code) else {
                    return .failure(
                        CodeProblem(
                            message: "\"\(text)\" in \(column.header) is neither chosen "
                                + "(\(rules.checkedExample)) nor empty; add it under checked: in \(mapping.file) "
                                + "if the export marks a choice so"))
                }
                if !chosen.contains(column.code) { chosen.append(column.code) }
            }
            return .success(validator.joined(chosen, matcher: matcher))
        }
    }

    /// The interview's skip rule: a condition on a question of the same repeat group refers to the same item.
    private func holds(_ condition: Condition?, item: (RepeatGroup, Int)?, given: [String: String]) -> Bool {
        guard let condition else { return true }
        var key = condition.question
        if let (group, number) = item, group.questions.contains(where: { $0.id == condition.question }) {
            key = "\(group.id).\(number).\(condition.question)"
        }
        let codes = Set((given[key] ?? "").split(separator: ",").map(String.init))
        let any = !codes.isDisjoint(with: condition.values)
        return condition.negated ? !any : any
    }

    /// An option matcher for every coded question: its options, with the mapping's `values:`.
    private static func matchers(catalog: Catalog, survey: SurveyDefinition, mapping: ImportMapping) -> [String:
        OptionMatcher]
    {
        var matchers: [String: OptionMatcher] = [:]
        for question in survey.allQuestions {
            let values = mapping.values[question.id]
            switch question.kind {
            case .choice, .multi:
                matchers[question.id] = OptionMatcher(
                    terms: catalog.options(question.options ?? ""), values: values)
            case .level:
                matchers[question.id] = OptionMatcher(terms: catalog.options("levels"), values: values)
            case .skill:
                matchers[question.id] = OptionMatcher(
                    terms: catalog.skills.map { Term(code: $0.code, name: $0.name) }, values: values)
            case .yesno:
                func words(_ key: TextKey) -> [String] {
                    catalog.settings.languages.flatMap { catalog.texts(key, $0).components(separatedBy: ",") }
                }
                let terms = [Term(code: "yes", name: Localized([:])), Term(code: "no", name: Localized([:]))]
                matchers[question.id] = OptionMatcher(
                    terms: terms, values: values,
                    synonyms: ["yes": words(.interviewYesWords) + ["true"], "no": words(.interviewNoWords) + ["false"]])
            case .text, .integer:
                continue
            }
        }
        return matchers
    }
}
