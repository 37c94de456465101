import Catalog

/// Random but plausible responses for property tests of the packs and rollups.
enum SeededResponses {
    static let regions = ["kokkola", "vaasa", "pori", "turku", "other"]
    static let skills = ["CELL01", "CELL02", "RAW04", "REG02", "DIG01", "UNLISTED9"]
    static let horizons = ["now", "1-2y", "3-5y"]
    static let formats = ["module", "degree", "short-course"]
    static let rounds = ["2026", "2027"]

    static func needs(_ random: inout SeededGenerator) -> [Need] {
        (0..<Int.random(in: 0...6, using: &random)).map { _ in
            Need(
                skill: skills.randomElement(using: &random) ?? "CELL01", level: Int.random(in: 1...4, using: &random),
                region: regions.randomElement(using: &random) ?? "kokkola",
                people: Int.random(in: 1...40, using: &random),
                horizon: horizons.randomElement(using: &random) ?? "now",
                priority: Int.random(in: 1...5, using: &random),
                formats: formats.filter { _ in Bool.random(using: &random) })
        }
    }

    /// A response of organisation `organisation` (of 12) in a round; its id is stable per
    /// organisation and round, so that writing it again with other needs makes a new version.
    static func response(_ random: inout SeededGenerator, organisation: Int, round: String) -> SurveyResponse {
        SurveyResponse(
            id: "r-\(organisation)-\(round)", survey: "battery-competence", round: round, language: "fi",
            organisation: Organisation(
                name: "Yritys \(organisation)", region: regions[organisation % regions.count],
                sector: ["chemicals", "recycling"][organisation % 2], size: ["small", "large"][organisation % 2]),
            needs: needs(&random), research: Research(),
            consent: Consent(publish: true, contact: false, planning: true, textVersion: "1", givenAt: "2026-01-01"),
            synthetic: true, answers: [])
    }

    /// The skill-group mapping the tests' rollups use (an unlisted skill has none).
    static let skillGroups = ["CELL01": "CELL", "CELL02": "CELL", "RAW04": "RAW", "REG02": "REG", "DIG01": "DIG"]

    static let definition = RollupDefinition(
        groupings: [
            [], ["region"], ["skill-group"], ["skill"], ["horizon"], ["region", "skill-group"], ["region", "skill"],
            ["region", "horizon"], ["skill", "horizon"], ["region", "skill", "horizon"],
        ],
        skillGroups: skillGroups)
}
