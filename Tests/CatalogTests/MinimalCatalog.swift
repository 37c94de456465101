import Catalog
import Foundation

/// A small valid catalogue written by hand, one file per kind, for tests that mutate one file
/// and look at what the loader reports. Line numbers quoted in tests refer to these strings.
enum MinimalCatalog {
    static let settings = """
        formatVersion: 1
        kind: settings
        languages: [fi, sv, en]
        minRespondents: 3
        sharedRegions: 2
        otherRegion: other
        people: {min: 1, max: 100}
        priority:
          min: 1
          max: 5
          weights: {1: 0.2, 2: 0.4, 3: 0.6, 4: 0.8, 5: 1.0}
        horizons:
          - code: now
            years: 1
            weight: 1.0
            name: {fi: Nyt, sv: Nu, en: Now}
        credits:
          base: ects
          termCredits: 30
          units:
            - code: ects
              toBase: 1.0
              name: {fi: op, sv: sp, en: ECTS}
            - code: osp
              toBase: 0.75
              name: {fi: osp, sv: kp, en: VET credits}
        """

    static let regions = """
        formatVersion: 1
        kind: regions
        regions:
          - code: north
            name: {fi: Pohjoinen, sv: Norr, en: North}
          - code: south
            name: {fi: Etelä, sv: Söder, en: South}
          - code: other
            name: {fi: Muu, sv: Annan, en: Other}
        """

    static let skills = """
        formatVersion: 1
        kind: skills
        levels:
          - rank: 1
            name: {fi: Perus, sv: Grund, en: Basic}
            description: {fi: Perus, sv: Grund, en: Basic}
          - rank: 2
            name: {fi: Ammatti, sv: Yrke, en: Practitioner}
            description: {fi: Ammatti, sv: Yrke, en: Practitioner}
        groups:
          - code: G1
            name: {fi: Ryhmä, sv: Grupp, en: Group}
            description: {fi: Ryhmä, sv: Grupp, en: Group}
        skills:
          - code: S1
            group: G1
            name: {fi: Sähkötyöt, sv: Elarbete, en: Electrical work}
            description: {fi: Sähkö, sv: El, en: Electricity}
          - code: S2
            group: G1
            name: {fi: Kemia, sv: Kemi, en: Chemistry}
            description: {fi: Kemia, sv: Kemi, en: Chemistry}
        """

    static let vocabularies = """
        formatVersion: 1
        kind: vocabularies
        vocabularies:
          formats:
            - code: short
              name: {fi: Lyhyt, sv: Kort, en: Short}
            - code: module
              name: {fi: Moduuli, sv: Modul, en: Module}
        """

    /// Every text the program asks for, in every language.
    static var texts: String {
        let entries = TextKey.allCases.map { "  \($0.rawValue): {fi: \"fi\", sv: \"sv\", en: \"en\"}" }
        return (["formatVersion: 1", "kind: texts", "texts:"] + entries).joined(separator: "\n")
    }

    static let survey = """
        formatVersion: 1
        kind: survey
        code: mini
        round: "2026"
        title: {fi: Kysely, sv: Enkät, en: Survey}
        consent:
          version: "1"
          text: {fi: Lupa, sv: Samtycke, en: Consent}
        questions:
          - id: org_name
            type: text
            field: organisation.name
            text: {fi: Nimi, sv: Namn, en: Name}
          - id: org_region
            type: choice
            options: regions
            field: organisation.region
            text: {fi: Alue, sv: Region, en: Region}
          - group: needs
            title: {fi: Tarve, sv: Behov, en: Need}
            more: {fi: Lisää?, sv: Mer?, en: More?}
            questions:
              - id: skill
                type: skill
                field: need.skill
                text: {fi: Osaaminen, sv: Kompetens, en: Skill}
              - id: level
                type: level
                field: need.level
                text: {fi: Taso, sv: Nivå, en: Level}
              - id: people
                type: integer
                field: need.people
                text: {fi: Henkilöt, sv: Personer, en: People}
              - id: horizon
                type: choice
                options: horizons
                field: need.horizon
                text: {fi: Milloin, sv: När, en: When}
              - id: priority
                type: integer
                field: need.priority
                text: {fi: Kiire, sv: Brådska, en: Priority}
              - id: formats
                type: multi
                options: formats
                field: need.formats
                required: false
                text: {fi: Muodot, sv: Former, en: Formats}
              - id: format_note
                type: text
                required: false
                when: {question: formats, in: [module]}
                text: {fi: Huom, sv: Anm, en: Note}
        """

    static let institutions = """
        formatVersion: 1
        kind: institutions
        institutions:
          - code: inst-a
            name: {fi: Opisto, sv: Institut, en: Institute}
            type: vocational
            region: north
        """

    static let courses = """
        formatVersion: 1
        kind: courses
        institution: inst-a
        courses:
          - code: C1
            name: {fi: Kurssi 1, sv: Kurs 1, en: Course 1}
            credits: 5
            unit: ects
            languages: [fi]
            delivery: contact
            capacity: 20
            skills: {S1: 1}
          - code: C2
            name: {fi: Kurssi 2, sv: Kurs 2, en: Course 2}
            credits: 20
            unit: osp
            languages: [fi]
            delivery: online
            region: south
            capacity: 10
            skills: {S1: 2, S2: 1}
            prerequisites: [C1]
        """

    static var contents: [String: String] {
        [
            "surveys/settings.yaml": settings, "surveys/regions.yaml": regions, "surveys/skills.yaml": skills,
            "surveys/vocabularies.yaml": vocabularies, "surveys/texts.yaml": texts, "surveys/mini.yaml": survey,
            "curricula/institutions.yaml": institutions, "curricula/courses/inst-a.yaml": courses,
        ]
    }

    /// The catalogue's files, with some replaced (`nil` content drops the file).
    static func files(replacing changes: [String: String?] = [:]) -> [CatalogFile] {
        var texts = contents
        for (path, text) in changes { texts[path] = text }
        return texts.sorted { $0.key < $1.key }.map { CatalogFile(path: $0.key, data: Data($0.value.utf8)) }
    }

    /// The issues the loader finds after replacing one file's text.
    static func issues(_ path: String, _ text: String) -> [CatalogIssue] {
        CatalogLoader.check(files(replacing: [path: text])).1
    }
}
