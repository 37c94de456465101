import Catalog
import CatalogFixtures
import Survey
import Testing

@Suite struct SyntheticResponsesTests {
    private func make(seed: UInt64, count: Int = 40) throws -> [SurveyResponse] {
        let catalog = try ShippedCatalog.load()
        let survey = try #require(catalog.survey("battery-competence-2026"))
        return try SyntheticResponses(survey: survey, catalog: catalog, seed: seed)
            .make(count: count, now: "2026-01-01T00:00:00Z")
    }

    @Test func sameSeedGivesTheSameResponses() throws {
        // Given two runs with one seed
        let first = try make(seed: 42)
        let second = try make(seed: 42)

        // Then they are equal, and another seed gives other data
        #expect(first == second)
        #expect(first.count == 40)
        #expect(try make(seed: 43) != first)
    }

    @Test func everySyntheticResponseIsValid() throws {
        // Given synthetic responses and the catalogue
        let catalog = try ShippedCatalog.load()
        let responses = try make(seed: 7, count: 60)
        let settings = catalog.settings
        let formats = Set(catalog.options("formats").map(\.code))

        // Then every value is within the catalogue's ranges and codes
        #expect(Set(responses.map(\.id)).count == responses.count)
        for response in responses {
            #expect(response.synthetic)
            #expect(response.survey == "battery-competence-2026")
            #expect(catalog.projectRegions.contains { $0.code == response.organisation.region })
            #expect((1...9).contains(response.needs.count))
            for need in response.needs {
                #expect(catalog.skill(need.skill) != nil, "unknown skill \(need.skill)")
                #expect(catalog.level(need.level) != nil)
                #expect(catalog.region(need.region) != nil)
                #expect(settings.peopleRange.contains(need.people))
                #expect(settings.priorityRange.contains(need.priority))
                #expect(settings.horizon(need.horizon) != nil)
                #expect(need.formats.allSatisfy(formats.contains))
            }
            #expect(response.research.challenges.isEmpty || !response.research.interest.isEmpty)
            #expect(response.research.text == nil)
        }
    }

    @Test func seededGeneratorRepeatsItsSequence() {
        // Given two generators with one seed
        var a = SeededGenerator(seed: 1)
        var b = SeededGenerator(seed: 1)

        // Then they draw the same numbers
        let first = (0..<5).map { _ in a.next() }
        #expect(first == (0..<5).map { _ in b.next() })
        #expect(Set(first).count == 5)
    }
}
