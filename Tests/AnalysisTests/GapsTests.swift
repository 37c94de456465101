import Analysis
import Catalog
import CatalogFixtures
import Testing

/// `analyze gaps` on a hand-computed case: demand per year against regional courses and a
/// national online course shared among the regions still short.
@Suite struct GapsTests {
    static func course(_ code: String, region: String, delivery: Delivery, capacity: Int, level: Int) -> Course {
        Course(
            code: code, institution: "x", name: Localized(["en": code]), region: region, credits: 5, unit: "ects",
            languages: ["fi"], delivery: delivery, capacity: capacity, skills: [SkillLevel("RAW04", level)],
            prerequisites: [], illustrative: false)
    }

    /// The shipped catalogue with three courses only.
    static func catalog() throws -> Catalog {
        let shipped = try ShippedCatalog.load()
        return Catalog(
            settings: shipped.settings, regions: shipped.regions, levels: shipped.levels, groups: shipped.groups,
            skills: shipped.skills, vocabularies: shipped.vocabularies, surveys: shipped.surveys,
            institutions: shipped.institutions,
            courses: [
                course("A", region: "vaasa", delivery: .contact, capacity: 10, level: 3),
                course("B", region: "pori", delivery: .online, capacity: 12, level: 4),
                course("C", region: "vaasa", delivery: .contact, capacity: 50, level: 1),
            ],
            infrastructures: shipped.infrastructures, serviceConcepts: shipped.serviceConcepts, texts: shipped.texts,
            fingerprint: "test")
    }

    static let records: [NeedRecord] = [
        // Vaasa RAW04: 20 + 10/2 + 6/3 = 27 per year; levels 3, 3, 2 → the level 3 of them need is 2.
        Records.need(1, "vaasa", "RAW04", level: 3, people: 20, horizon: "now"),
        Records.need(2, "vaasa", "RAW04", level: 3, people: 10, horizon: "1-2y"),
        Records.need(3, "vaasa", "RAW04", level: 2, people: 6, horizon: "3-5y"),
        // Pori RAW04: 27 per year at level 4, no course in Pori but the online course.
        Records.need(4, "pori", "RAW04", level: 4, people: 9), Records.need(5, "pori", "RAW04", level: 4, people: 9),
        Records.need(6, "pori", "RAW04", level: 4, people: 9),
        // Turku RAW05: two organisations only, never a row.
        Records.need(7, "turku", "RAW05", level: 1, people: 50),
        Records.need(8, "turku", "RAW05", level: 1, people: 50),
        // Kokkola REG02: no course teaches it at all.
        Records.need(9, "kokkola", "REG02", level: 1, people: 3),
        Records.need(10, "kokkola", "REG02", level: 1, people: 3),
        Records.need(11, "kokkola", "REG02", level: 1, people: 3),
        // Two single organisations in Kokkola (suppressed): without them, Kokkola's total would equal
        // its REG02 cell, and publishing both with the national total would reveal Turku by subtraction.
        Records.need(12, "kokkola", "CELL02", level: 1, people: 1),
        Records.need(13, "kokkola", "TEST01", level: 1, people: 1),
    ]

    @Test func shortfallsAreDemandMinusRegionalThenSharedOnlineSupply() throws {
        // Given the records and courses above
        let analysis = NeedsAnalysis(catalog: try Self.catalog())

        // When gaps are computed with K = 3
        let gaps = analysis.gaps(Self.records, minRespondents: 3)

        // Then there is one row per cell of at least 3 organisations, largest shortfall first
        #expect(gaps.rows.map { "\($0.region) \($0.skill)" } == ["pori RAW04", "vaasa RAW04", "kokkola REG02"])
        let pori = gaps.rows[0]
        let vaasa = gaps.rows[1]
        let kokkola = gaps.rows[2]
        // Vaasa: level 2, demand 27, course A counts (C teaches only level 1), 17 short before online
        #expect(vaasa.level == 2 && vaasa.organisations == 3)
        #expect(abs(vaasa.demandPerYear - 27) < 1e-9)
        #expect(vaasa.regionalSupply == 10 && vaasa.regionalCourses == ["A"])
        // The online course's 12 places are shared 17 : 27 between Vaasa and Pori
        #expect(abs(vaasa.onlineSupply - 12 * 17 / 44.0) < 1e-9)
        #expect(abs(pori.onlineSupply - 12 * 27 / 44.0) < 1e-9)
        #expect(abs(pori.gap - (27 - 12 * 27 / 44.0)) < 1e-9 && pori.level == 4 && pori.regionalSupply == 0)
        #expect(pori.onlineCourses == ["B"] && !pori.noCourse)
        // Each horizon of Vaasa's row has one organisation: suppressed
        #expect(vaasa.byHorizon.allSatisfy { $0.perYear == nil })
        // Pori's "now" (3 organisations) is hidden too: the national RAW04 "now" total minus it
        // would reveal Vaasa's one organisation; and a zero beside it, to protect the row total
        #expect(pori.byHorizon.map(\.perYear) == [nil, nil, 0])
        // Kokkola's need has no course at all: flagged
        #expect(kokkola.noCourse && kokkola.supply == 0 && abs(kokkola.gap - 9) < 1e-9)
    }

    @Test func onlinePlacesNeverExceedWhatTheRegionsLack() throws {
        // Given an online course far larger than every shortfall
        var catalog = try Self.catalog()
        catalog = Catalog(
            settings: catalog.settings, regions: catalog.regions, levels: catalog.levels, groups: catalog.groups,
            skills: catalog.skills, vocabularies: catalog.vocabularies, surveys: catalog.surveys,
            institutions: catalog.institutions,
            courses: [Self.course("BIG", region: "turku", delivery: .online, capacity: 1000, level: 4)],
            infrastructures: [], serviceConcepts: [], texts: catalog.texts, fingerprint: "test")

        // When gaps are computed
        let gaps = NeedsAnalysis(catalog: catalog).gaps(Self.records, minRespondents: 3)

        // Then the course fills the RAW04 rows exactly (counted once, not 1000 places in each region)
        let raw = gaps.rows.filter { $0.skill == "RAW04" }
        #expect(raw.count == 2)
        #expect(raw.allSatisfy { abs($0.gap) < 1e-9 && abs($0.onlineSupply - $0.demandPerYear) < 1e-9 })
    }

    @Test func raisingKDropsRowsBuiltOnFewerOrganisations() throws {
        let gaps = NeedsAnalysis(catalog: try Self.catalog()).gaps(Self.records, minRespondents: 4)
        #expect(gaps.rows.isEmpty && gaps.minRespondents == 4)
    }
}
