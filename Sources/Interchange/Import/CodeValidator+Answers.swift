import Catalog
import Foundation

/// Web-survey answers to the survey's questions, turned into what an interview stores: codes for
/// choices (several joined by ","), a rank for a level, `yes`/`no`, a whole number, a text.
extension CodeValidator {
    /// The canonical answer to `question`, nil when the cell says nothing (empty or mapped to "").
    /// `mapping` names the file to fix when the export's wording is not the catalogue's.
    func answer(
        _ raw: String, to question: Question, matcher: OptionMatcher?, separator: String, mapping: String
    ) -> Result<String?, CodeProblem> {
        let value = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !value.isEmpty else { return .success(nil) }
        switch question.kind {
        case .text:
            guard question.pattern == "business-id" else { return .success(value) }
            guard let id = Self.businessId(value) else {
                return .failure(
                    CodeProblem(
                        message: "\"\(value)\" is not a business ID (Y-tunnus) like 1234567-8 with a valid check digit"
                    ))
            }
            return .success(id)
        case .integer:
            return integer(value, in: range(of: question), what: question.id).map { String($0) }
        case .level:
            if case .success(let rank) = integer(value, in: Int.min...Int.max, what: question.id),
                catalog.level(rank) != nil
            {
                return .success(String(rank))
            }
            return code(value, of: question, matcher: matcher, mapping: mapping)
        case .choice, .skill, .yesno:
            return code(value, of: question, matcher: matcher, mapping: mapping)
        case .multi:
            // A whole cell may be one option whose name holds the separator ("Packs, systems").
            if case .success(let whole) = code(value, of: question, matcher: matcher, mapping: mapping) {
                return .success(whole)
            }
            let parts =
                separator == " "
                ? value.split(whereSeparator: { $0.isWhitespace }).map(String.init)
                : value.components(separatedBy: separator).map { $0.trimmingCharacters(in: .whitespaces) }
            var chosen: [String] = []
            for part in parts where !part.isEmpty {
                switch code(part, of: question, matcher: matcher, mapping: mapping) {
                case .success(let code?): if !chosen.contains(code) { chosen.append(code) }
                case .success(nil): continue
                case .failure(let problem): return .failure(problem)
                }
            }
            return .success(joined(chosen, matcher: matcher))
        }
    }

    /// Several chosen codes in catalogue order, as the interview stores them; nil for none.
    func joined(_ codes: [String], matcher: OptionMatcher?) -> String? {
        guard !codes.isEmpty else { return nil }
        let order = matcher?.codes ?? []
        let sorted = codes.sorted { (order.firstIndex(of: $0) ?? .max) < (order.firstIndex(of: $1) ?? .max) }
        return sorted.joined(separator: ",")
    }

    private func code(_ value: String, of question: Question, matcher: OptionMatcher?, mapping: String)
        -> Result<String?, CodeProblem>
    {
        guard let matcher else { return .success(value) }
        switch matcher.match(value) {
        case .code(let code): return .success(code)
        case .noAnswer: return .success(nil)
        case .ambiguous(let codes):
            return .failure(
                CodeProblem(
                    message: "\"\(value)\" is the name of several options of \(question.id) "
                        + "(\(codes.joined(separator: ", "))); map it under values: → \(question.id): in \(mapping)"))
        case .unknown where question.kind == .level:
            let ranks = catalog.levels.map(\.rank)
            return .failure(
                CodeProblem(
                    message: "\"\(value)\" is not a level of the scale (\(ranks.first ?? 1)–\(ranks.last ?? 1), or a "
                        + "level's name) — or map it under values: → \(question.id): in \(mapping)"))
        case .unknown:
            let what = question.kind == .yesno ? "yes or no" : "an option of \(question.id)"
            return .failure(
                CodeProblem(
                    message: "\"\(value)\" is not \(what); "
                        + Suggestion.hint(for: value, in: matcher.codes, what: "codes")
                        + " — or map it under values: → \(question.id): in \(mapping)"))
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

    /// The Finnish business ID in its canonical form (`1234567-8`), or nil when its check digit is
    /// wrong. The interview's own check lives in Survey, which Interchange may not import.
    static func businessId(_ text: String) -> String? {
        let parts = text.filter { !$0.isWhitespace }.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, (6...7).contains(parts[0].count), parts[1].count == 1,
            parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } })
        else { return nil }
        let body = (parts[0].count == 6 ? "0" : "") + parts[0]
        let digits = body.compactMap(\.wholeNumberValue)
        let remainder = zip(digits, [7, 9, 10, 5, 8, 4, 2]).reduce(0) { $0 + $1.0 * $1.1 } % 11
        guard remainder != 1 else { return nil }
        let check = remainder == 0 ? 0 : 11 - remainder
        return String(check) == parts[1] ? body + "-" + parts[1] : nil
    }
}
