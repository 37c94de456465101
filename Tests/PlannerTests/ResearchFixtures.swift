import Catalog
import Planner

/// A small hand-made catalogue for the service-concept and consortium tests: regions R1–R4 and
/// `other`, skill groups A and B, one institution of each kind, two infrastructures, four
/// service-concept templates and a survey whose questions point at the format, interest and
/// challenge vocabularies. K = 3 and N = 3.
enum ResearchFixtures {
    static let text = Localized(["en": "x"])

    static func name(_ code: String) -> Localized { Localized(["en": code]) }

    static let institutions = [
        Institution(code: "uni-r1", name: name("uni-r1"), kind: .university, region: "R1"),
        Institution(code: "uas-r2", name: name("uas-r2"), kind: .uas, region: "R2"),
        Institution(code: "voc-r3", name: name("voc-r3"), kind: .vocational, region: "R3"),
        Institution(code: "uni-r3", name: name("uni-r3"), kind: .university, region: "R3"),
        Institution(code: "institute", name: name("institute"), kind: .research, region: "other"),
    ]

    /// Who teaches what: uni-r1 all of A and B2, uas-r2 A1 and B1, voc-r3 and uni-r3 B, the institute A1.
    static let teaching: [(institution: String, region: String, skills: [String])] = [
        ("uni-r1", "R1", ["A1", "A2", "B2"]), ("uas-r2", "R2", ["A1", "B1"]), ("voc-r3", "R3", ["B1", "B2"]),
        ("uni-r3", "R3", ["B1", "B2"]), ("institute", "other", ["A1"]),
    ]

    static let infrastructures = [
        Infrastructure(
            code: "lab-a", name: name("lab-a"), owner: "uni-r1", region: "R1", kind: "lab", skills: ["A1"],
            verified: true),
        Infrastructure(
            code: "lab-b", name: name("lab-b"), owner: "uas-r2", region: "R2", kind: "lab", skills: ["B1"],
            verified: true),
        Infrastructure(
            code: "plant-b", name: name("plant-b"), owner: "A company", region: "R3", kind: "pilot-plant",
            skills: ["B1"], verified: true),
    ]

    static func template(
        _ code: String, formats: [String] = [], infrastructure: [String] = [], institutions: [InstitutionKind] = [],
        requests: Bool = false, challenges: Bool = false
    ) -> ServiceConceptTemplate {
        ServiceConceptTemplate(
            code: code, name: name(code), description: text, formats: formats, infrastructureKinds: infrastructure,
            institutionKinds: institutions, answersInfrastructureRequests: requests, answersChallenges: challenges)
    }

    static let templates = [
        template(
            "plant-training", formats: ["pilot-plant"], infrastructure: ["pilot-plant"],
            institutions: [.uas, .vocational]),
        template("lab-access", infrastructure: ["lab"], institutions: [.university, .uas], requests: true),
        template("joint-rd", infrastructure: ["lab"], institutions: [.university, .research], challenges: true),
        template("nothing-declared", institutions: [.university]),
    ]

    static func question(_ id: String, _ field: Field, _ options: String) -> Question {
        Question(id: id, field: field, kind: .multi, text: text, required: false, options: options)
    }

    static func catalog(templates: [ServiceConceptTemplate] = templates) -> Catalog {
        let settings = Settings(
            languages: ["en"], minRespondents: 3, sharedRegions: 3, otherRegion: "other", peopleRange: 1...10_000,
            priorityRange: 1...5, priorityWeights: [:],
            horizons: [Horizon(code: "now", years: 1, weight: 1, name: text)], creditUnits: [], baseCreditUnit: "ects",
            termCredits: 30)
        let skills = ["A1", "A2", "B1", "B2"].map {
            Skill(code: $0, group: String($0.prefix(1)), name: name($0), description: text)
        }
        let courses = teaching.enumerated().map { index, entry in
            Course(
                code: "C\(index)", institution: entry.institution, name: name("C\(index)"), region: entry.region,
                credits: 5, unit: "ects", languages: ["en"], delivery: .contact, capacity: 20,
                skills: entry.skills.map { SkillLevel($0, 3) }, prerequisites: [], illustrative: false)
        }
        let vocabularies = [
            "formats": Vocabulary(
                name: "formats",
                terms: [
                    Term(code: "module", name: name("module")), Term(code: "pilot-plant", name: name("pilot-plant")),
                ]),
            "interest": Vocabulary(
                name: "interest",
                terms: [
                    Term(code: "national", name: name("national"), tags: ["consortium": ["national"]]),
                    Term(code: "he", name: name("he"), tags: ["consortium": ["eu"]]),
                ]),
            "challenges": Vocabulary(
                name: "challenges",
                terms: ["ch-a", "ch-b", "ch-c"].map { code in
                    Term(
                        code: code, name: name(code),
                        tags: ["groups": [code == "ch-b" ? "B" : "A"], "skills": [code == "ch-b" ? "B1" : "A1"]])
                }),
        ]
        let survey = SurveyDefinition(
            code: "s", round: "2026", title: text, intro: nil, consentVersion: "1", consentText: text,
            items: [
                .question(question("formats", .needFormats, "formats")),
                .question(question("interest", .researchInterest, "interest")),
                .question(question("challenges", .researchChallenges, "challenges")),
            ],
            source: "surveys/s.yaml")
        return Catalog(
            settings: settings,
            regions: ["R1", "R2", "R3", "R4", "other"].map { Region(code: $0, name: name($0)) },
            levels: (1...4).map { Level(rank: $0, name: text, description: text, eqf: "") },
            groups: ["A", "B"].map { SkillGroup(code: $0, name: name($0), description: text) }, skills: skills,
            vocabularies: vocabularies, surveys: [survey], institutions: institutions, courses: courses,
            infrastructures: infrastructures, serviceConcepts: templates, texts: Texts([:]), fingerprint: "")
    }

    /// One need of `organisation` in `region` for `skill`, preferring `formats`.
    static func need(
        _ organisation: Int, _ region: String, _ skill: String, people: Int = 10, formats: [String]
    ) -> NeedRecord {
        NeedRecord(
            organisation: organisation, round: "2026", region: region, sector: "s", size: "small", skill: skill,
            group: String(skill.prefix(1)), level: 2, people: people, horizon: "now", priority: 3, formats: formats)
    }

    /// Requests to use `infrastructure` from each of `organisations`, all in `region`.
    static func requests(_ infrastructure: String, _ organisations: ClosedRange<Int>, region: String = "R1")
        -> [InfrastructureRequest]
    {
        organisations.map { InfrastructureRequest(organisation: $0, region: region, infrastructure: infrastructure) }
    }

    /// `count` organisations from `first` on, in `region`, naming `challenge` with `interest`.
    static func naming(
        _ challenge: String, in region: String, from first: Int, count: Int = 3, interest: [String] = []
    ) -> [ChallengeRecord] {
        (first..<first + count).map {
            ChallengeRecord(
                organisation: $0, region: region, challenge: challenge, interest: interest, infrastructures: [])
        }
    }
}
