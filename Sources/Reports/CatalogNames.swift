import Catalog

/// Catalogue names in one language for the planner's text output: the code as given when the
/// catalogue has no such entry.
struct CatalogNames {
    let catalog: Catalog
    let language: String

    func region(_ code: String) -> String { catalog.region(code)?.name(language) ?? code }
    func group(_ code: String) -> String { catalog.group(code)?.name(language) ?? code }
    func institution(_ code: String) -> String { catalog.institution(code)?.name(language) ?? code }
    func infrastructure(_ code: String) -> String { catalog.infrastructure(code)?.name(language) ?? code }

    func template(_ code: String) -> String {
        catalog.serviceConcepts.first { $0.code == code }?.name(language) ?? code
    }

    /// A term of the vocabulary a survey question of `field` draws on (formats, challenges).
    func term(_ code: String, of field: Field) -> String {
        for survey in catalog.surveys {
            for question in survey.allQuestions where question.field == field {
                if let term = catalog.options(question.options ?? "").first(where: { $0.code == code }) {
                    return term.name(language)
                }
            }
        }
        return code
    }

    func format(_ code: String) -> String { term(code, of: .needFormats) }
    func challenge(_ code: String) -> String { term(code, of: .researchChallenges) }

    /// "A, B or C".
    static func either(_ words: [String]) -> String {
        guard let last = words.last else { return "" }
        return words.count == 1 ? last : words.dropLast().joined(separator: ", ") + " or " + last
    }

    /// "A, B and C".
    static func all(_ words: [String]) -> String {
        guard let last = words.last else { return "" }
        return words.count == 1 ? last : words.dropLast().joined(separator: ", ") + " and " + last
    }

    /// "1 organisation" / "3 organisations".
    static func count(_ number: Int, _ noun: String) -> String {
        "\(number) \(noun)" + (number == 1 ? "" : "s")
    }
}
