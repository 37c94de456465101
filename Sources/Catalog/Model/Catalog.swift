/// The whole vocabulary of a lead project: settings, taxonomy, surveys and the education supply.
/// Built by `CatalogLoader` from the files of `surveys/` and `curricula/`.
package struct Catalog: Sendable {
    package var settings: Settings
    package var regions: [Region]
    package var levels: [Level]
    package var groups: [SkillGroup]
    package var skills: [Skill]
    package var vocabularies: [String: Vocabulary]
    package var surveys: [SurveyDefinition]
    package var institutions: [Institution]
    package var courses: [Course]
    package var infrastructures: [Infrastructure]
    package var serviceConcepts: [ServiceConceptTemplate]
    package var texts: Texts
    /// A hash of every catalogue file's bytes: the catalogue part of a figure's provenance.
    package var fingerprint: String
    /// Where each web-survey dialect keeps each answer, per survey (`kind: importMapping`).
    package var importMappings: [ImportMapping] = []

    private var skillIndex: [String: Int]
    private var regionIndex: [String: Int]
    private var institutionIndex: [String: Int]
    private var courseIndex: [String: Int]

    package init(
        settings: Settings, regions: [Region], levels: [Level], groups: [SkillGroup], skills: [Skill],
        vocabularies: [String: Vocabulary], surveys: [SurveyDefinition], institutions: [Institution],
        courses: [Course], infrastructures: [Infrastructure], serviceConcepts: [ServiceConceptTemplate],
        texts: Texts, fingerprint: String
    ) {
        self.settings = settings
        self.regions = regions
        self.levels = levels.sorted { $0.rank < $1.rank }
        self.groups = groups
        self.skills = skills
        self.vocabularies = vocabularies
        self.surveys = surveys
        self.institutions = institutions
        self.courses = courses
        self.infrastructures = infrastructures
        self.serviceConcepts = serviceConcepts
        self.texts = texts
        self.fingerprint = fingerprint
        skillIndex = Self.index(skills.map(\.code))
        regionIndex = Self.index(regions.map(\.code))
        institutionIndex = Self.index(institutions.map(\.code))
        courseIndex = Self.index(courses.map(\.code))
    }

    private static func index(_ codes: [String]) -> [String: Int] {
        var index: [String: Int] = [:]
        for (i, code) in codes.enumerated() where index[code] == nil { index[code] = i }
        return index
    }

    package func skill(_ code: String) -> Skill? { skillIndex[code].map { skills[$0] } }
    package func region(_ code: String) -> Region? { regionIndex[code].map { regions[$0] } }
    package func institution(_ code: String) -> Institution? { institutionIndex[code].map { institutions[$0] } }
    package func course(_ code: String) -> Course? { courseIndex[code].map { courses[$0] } }
    package func group(_ code: String) -> SkillGroup? { groups.first { $0.code == code } }
    package func level(_ rank: Int) -> Level? { levels.first { $0.rank == rank } }
    package func survey(_ code: String) -> SurveyDefinition? { surveys.first { $0.code == code } }
    package func infrastructure(_ code: String) -> Infrastructure? { infrastructures.first { $0.code == code } }
    package func importMapping(survey: String, dialect: String) -> ImportMapping? {
        importMappings.first { $0.survey == survey && $0.dialect == dialect }
    }

    /// The regions of the lead project, without the catch-all region.
    package var projectRegions: [Region] { regions.filter { $0.code != settings.otherRegion } }

    /// Base-unit credits of a course (e.g. osaamispisteet converted to ECTS).
    package func baseCredits(_ course: Course) -> Double {
        course.credits * (settings.creditUnit(course.unit)?.toBase ?? 1)
    }

    /// The choices a question offers, as coded terms in catalogue order.
    package func options(_ source: String) -> [Term] {
        switch source {
        case "regions": regions.map { Term(code: $0.code, name: $0.name) }
        case "horizons": settings.horizons.map { Term(code: $0.code, name: $0.name) }
        case "levels": levels.map { Term(code: String($0.rank), name: $0.name) }
        case "infrastructures": infrastructures.map { Term(code: $0.code, name: $0.name) }
        case "skill-groups": groups.map { Term(code: $0.code, name: $0.name) }
        default: vocabularies[source]?.terms ?? []
        }
    }

    /// Option sources a survey may name besides the vocabularies.
    package static let builtInOptionSources = ["regions", "horizons", "levels", "infrastructures", "skill-groups"]
}
