/// A region of the lead project (or the catch-all `other` region).
package struct Region: Sendable, Hashable {
    package var code: String
    package var name: Localized
    /// The larger administrative area (maakunta/landskap), when the catalogue gives one.
    package var area: Localized?
    package var areaCode: String?
    package var line: Int

    package init(code: String, name: Localized, area: Localized? = nil, areaCode: String? = nil, line: Int = 0) {
        self.code = code
        self.name = name
        self.area = area
        self.areaCode = areaCode
        self.line = line
    }
}

/// One rank of the catalogue's competence scale; the code never assumes how many ranks exist.
package struct Level: Sendable, Hashable {
    package var rank: Int
    package var name: Localized
    package var description: Localized
    /// The EQF range the rank corresponds to, e.g. "2–3".
    package var eqf: String

    package init(rank: Int, name: Localized, description: Localized, eqf: String) {
        self.rank = rank
        self.name = name
        self.description = description
        self.eqf = eqf
    }
}

package struct SkillGroup: Sendable, Hashable {
    package var code: String
    package var name: Localized
    package var description: Localized

    package init(code: String, name: Localized, description: Localized) {
        self.code = code
        self.name = name
        self.description = description
    }
}

package struct Skill: Sendable, Hashable {
    package var code: String
    package var group: String
    package var name: Localized
    package var description: Localized
    /// Other words people use for the skill (occupational titles, ESCO-like labels), any language.
    package var synonyms: [String]

    package init(code: String, group: String, name: Localized, description: Localized, synonyms: [String] = []) {
        self.code = code
        self.group = group
        self.name = name
        self.description = description
        self.synonyms = synonyms
    }
}

/// A coded answer option of a named vocabulary (sectors, size bands, training formats, ...).
package struct Term: Sendable, Hashable {
    package var code: String
    package var name: Localized
    /// Free tags a vocabulary may give its terms, e.g. `consortium: eu` on an interest option,
    /// `groups: [...]` on a research challenge. Read by the module that knows the vocabulary's role.
    package var tags: [String: [String]]

    package init(code: String, name: Localized, tags: [String: [String]] = [:]) {
        self.code = code
        self.name = name
        self.tags = tags
    }
}

package struct Vocabulary: Sendable, Hashable {
    package var name: String
    package var terms: [Term]

    package init(name: String, terms: [Term]) {
        self.name = name
        self.terms = terms
    }

    package func term(_ code: String) -> Term? {
        terms.first { $0.code == code }
    }
}
