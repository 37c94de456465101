import Catalog

/// Finds the catalogue code of an export's answer to one question: the mapping's `values:` first,
/// then an option's code or its name in any language (case, diacritics and spacing ignored).
struct OptionMatcher: Sendable {
    enum Match: Sendable, Equatable {
        case code(String)
        /// The mapping maps the answer to "" (no answer): an `-oth-` left out, a column ignored.
        case noAnswer
        case unknown
        /// Several options share the name: the export must give the code.
        case ambiguous([String])
    }

    /// The codes in catalogue order, for sorting chosen options and for messages.
    let codes: [String]
    private let byText: [String: [String]]
    private let values: [String: String]

    init(terms: [Term], values: ImportMapping.ValueMap?, synonyms: [String: [String]] = [:]) {
        codes = terms.map(\.code)
        var byText: [String: [String]] = [:]
        func add(_ text: String, _ code: String) {
            let key = ImportText.fold(text)
            guard !key.isEmpty, !(byText[key] ?? []).contains(code) else { return }
            byText[key, default: []].append(code)
        }
        for term in terms {
            add(term.code, term.code)
            for name in term.name.all { add(name, term.code) }
            for word in synonyms[term.code] ?? [] { add(word, term.code) }
        }
        // A code wins over another option's name that happens to be spelt the same.
        for term in terms { byText[ImportText.fold(term.code)] = [term.code] }
        self.byText = byText
        var folded: [String: String] = [:]
        for (answer, code) in values?.entries ?? [:] { folded[ImportText.fold(answer)] = code }
        self.values = folded
    }

    func match(_ raw: String) -> Match {
        let key = ImportText.fold(raw)
        if let code = values[key] { return code.isEmpty ? .noAnswer : .code(code) }
        guard let found = byText[key] else { return .unknown }
        return found.count == 1 ? .code(found[0]) : .ambiguous(found)
    }
}
