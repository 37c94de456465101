import Catalog

/// Finds skills by number, code, or part of a name or synonym in any language, ignoring case and
/// diacritics ("sahko" finds "sähkö").
package struct SkillSearch: Sendable {
    package enum Result: Sendable, Equatable {
        case found(Skill)
        case several([Skill])
        /// No match; the closest skill names in the interview's language.
        case none(suggestions: [Skill])
    }

    let skills: [Skill]
    /// Folded searchable text per skill: code, names, synonyms.
    let haystacks: [String]
    let words: [[String]]

    package init(skills: [Skill]) {
        self.skills = skills
        haystacks = skills.map { skill in
            ([skill.code] + skill.name.all + skill.synonyms).map(\.folded).joined(separator: " | ")
        }
        words = haystacks.map { $0.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init) }
    }

    /// The 1-based number of a skill in the taxonomy, as the interview lists it.
    package func number(of skill: Skill) -> Int? {
        skills.firstIndex { $0.code == skill.code }.map { $0 + 1 }
    }

    package func find(_ query: String) -> Result {
        let text = query.folded.trimmed
        if let number = Int(text), skills.indices.contains(number - 1) { return .found(skills[number - 1]) }
        if let exact = skills.first(where: { $0.code.folded == text }) { return .found(exact) }
        let terms = text.split(whereSeparator: { $0.isWhitespace }).map(String.init)
        guard !terms.isEmpty else { return .none(suggestions: []) }
        let matches = skills.indices.filter { index in terms.allSatisfy { haystacks[index].contains($0) } }
        if matches.count == 1 { return .found(skills[matches[0]]) }
        if matches.count > 1 {
            // A name that equals the query outright wins over names that merely contain it.
            if let exact = matches.first(where: { index in skills[index].name.all.contains { $0.folded == text } }) {
                return .found(skills[exact])
            }
            return .several(matches.map { skills[$0] })
        }
        return .none(suggestions: closest(terms))
    }

    /// The three skills with a word nearest (by edit distance) to a word of the query.
    private func closest(_ terms: [String]) -> [Skill] {
        let scored = skills.indices.map { index -> (Int, Int) in
            let best = terms.map { term in words[index].map { Suggestion.distance(term, $0) }.min() ?? Int.max }.min()
            return (best ?? Int.max, index)
        }
        return scored.sorted { $0 < $1 }.prefix(3).map { skills[$0.1] }
    }
}
