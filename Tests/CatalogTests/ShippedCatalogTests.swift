import Catalog
import CatalogFixtures
import Testing

@Suite struct ShippedCatalogTests {
    @Test func everyShippedCatalogueFileLoads() throws {
        // Given the files of surveys/ and curricula/
        let files = try ShippedCatalog.files()
        #expect(files.count >= 10)

        // When they are loaded
        let (catalog, issues) = CatalogLoader.check(files)

        // Then there is no problem at all
        #expect(issues.map(\.description) == [])
        #expect(catalog != nil)
    }

    @Test func shippedCatalogueHasTheProjectsSizes() throws {
        // Given the shipped catalogue
        let catalog = try ShippedCatalog.load()

        // Then it describes the whole battery ecosystem
        #expect(catalog.skills.count >= 60)
        #expect(Set(catalog.skills.map(\.group)).count >= 8)
        #expect(catalog.groups.count >= 8)
        #expect(catalog.courses.count >= 120)
        #expect(catalog.institutions.count >= 15)
        #expect(catalog.infrastructures.count >= 10)
        #expect(catalog.serviceConcepts.count >= 5)
        #expect(catalog.surveys.count >= 1)
    }

    @Test func shippedCatalogueHasTheSevenRegionsAndOther() throws {
        // Given the shipped catalogue
        let catalog = try ShippedCatalog.load()

        // Then the seven city regions of the lead project and the catch-all region are there
        #expect(
            catalog.projectRegions.map(\.code).sorted()
                == ["jyvaskyla", "kokkola", "kuopio", "lappeenranta", "pori", "turku", "vaasa"])
        #expect(catalog.settings.otherRegion == "other")
        #expect(catalog.region("other") != nil)
        #expect(catalog.regions.count == 8)
    }

    @Test func shippedCatalogueHasEveryTextInEveryLanguage() throws {
        // Given the shipped catalogue
        let catalog = try ShippedCatalog.load()

        // Then every text the program asks for exists in fi, sv and en
        for key in TextKey.allCases {
            let entry = catalog.texts.entries[key.rawValue]
            #expect(entry != nil, "missing text \(key.rawValue)")
            for language in ["fi", "sv", "en"] {
                let text = entry.flatMap { $0.values[language] } ?? ""
                #expect(!text.isEmpty, "no \(language) for \(key.rawValue)")
            }
        }
    }

    @Test func everyShippedTextHasTheSamePlaceholdersInEveryLanguage() throws {
        // Given the shipped texts
        let catalog = try ShippedCatalog.load()
        func placeholders(_ text: String) -> Set<String> {
            Set(text.split(separator: "{").dropFirst().compactMap { $0.split(separator: "}").first.map(String.init) })
        }

        // Then each text names the same {placeholders} in fi, sv and en (the program fills in only those)
        for (key, text) in catalog.texts.entries {
            let sets = ["fi", "sv", "en"].map { placeholders(text.values[$0] ?? "") }
            #expect(sets[0] == sets[1] && sets[1] == sets[2], "\(key): \(sets)")
        }
        #expect(placeholders(catalog.texts(.interviewInvalidInteger, "fi")) == ["value", "min", "max"])
    }

    @Test func everyShippedCourseHasARegionOfTheCatalogue() throws {
        // Given the shipped catalogue
        let catalog = try ShippedCatalog.load()

        // Then every course's region (given or inherited from its institution) is a known region
        for course in catalog.courses {
            #expect(catalog.region(course.region) != nil, "course \(course.code) has region \"\(course.region)\"")
        }
    }
}
