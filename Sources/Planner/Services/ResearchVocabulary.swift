import Catalog

/// The research vocabularies of the catalogue's surveys, found through the questions that use
/// them (so that another lead project may name its vocabularies freely): the challenges with their
/// `groups:` and `skills:` tags, and the interest options with their `consortium:` tags.
struct ResearchVocabulary {
    /// Challenge terms in survey order, first occurrence kept.
    let challenges: [Term]
    /// Interest codes standing for a national joint project / a Horizon Europe (EU) consortium.
    let nationalInterest: Set<String>
    let euInterest: Set<String>

    init(_ catalog: Catalog) {
        var challenges: [Term] = []
        var national = Set<String>()
        var eu = Set<String>()
        for survey in catalog.surveys {
            for question in survey.allQuestions {
                let terms = catalog.options(question.options ?? "")
                switch question.field {
                case .researchChallenges:
                    for term in terms where !challenges.contains(where: { $0.code == term.code }) {
                        challenges.append(term)
                    }
                case .researchInterest:
                    for term in terms {
                        let kinds = term.tags["consortium"] ?? []
                        if kinds.contains("national") { national.insert(term.code) }
                        if kinds.contains("eu") { eu.insert(term.code) }
                    }
                default: break
                }
            }
        }
        self.challenges = challenges
        nationalInterest = national
        euInterest = eu
    }

    func challenge(_ code: String) -> Term? { challenges.first { $0.code == code } }

    /// The skill groups a challenge needs (its `groups:` tag), as the catalogue lists them.
    func groups(of challenge: String) -> [String] { self.challenge(challenge)?.tags["groups"] ?? [] }

    /// The challenge's most relevant skills (its `skills:` tag).
    func keySkills(of challenge: String) -> [String] { self.challenge(challenge)?.tags["skills"] ?? [] }
}
