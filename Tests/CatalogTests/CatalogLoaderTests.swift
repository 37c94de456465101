import Catalog
import Foundation
import Testing

@Suite struct CatalogLoaderTests {
    @Test func minimalCatalogueLoads() throws {
        // Given the hand-written minimal catalogue
        // When it is loaded
        let catalog = try CatalogLoader.load(MinimalCatalog.files())

        // Then its parts are all there
        #expect(catalog.skills.map(\.code) == ["S1", "S2"])
        #expect(catalog.courses.map(\.code) == ["C1", "C2"])
        #expect(catalog.surveys.map(\.code) == ["mini"])
        #expect(catalog.projectRegions.map(\.code) == ["north", "south"])
    }

    @Test func unknownKeyIsReportedWithFileLineAndDidYouMean() {
        // Given a region with a misspelt key on line 6
        let text = MinimalCatalog.regions.replacingOccurrences(
            of: "name: {fi: Pohjoinen", with: "nmae: {fi: Pohjoinen")

        // When the catalogue is checked
        let issues = MinimalCatalog.issues("surveys/regions.yaml", text)

        // Then the key is reported where it is, with the likely fix
        let issue = issues.first { $0.message.contains("unknown key \"nmae\"") }
        #expect(issue?.file == "surveys/regions.yaml")
        #expect(issue?.line == 5)
        #expect(issue?.fix == "did you mean \"name\"?")
        #expect(issue?.description.hasPrefix("surveys/regions.yaml:5: unknown key \"nmae\"") == true)
    }

    @Test func unknownSkillInACourseIsReported() {
        // Given a course teaching a skill the taxonomy does not have
        let text = MinimalCatalog.courses.replacingOccurrences(of: "skills: {S1: 1}", with: "skills: {S3: 1}")

        // When the catalogue is checked
        let issues = MinimalCatalog.issues("curricula/courses/inst-a.yaml", text)

        // Then the course names the unknown skill and suggests a close one
        let issue = issues.first { $0.message == "course C1: unknown skill \"S3\"" }
        #expect(issue != nil, "\(issues)")
        #expect(issue?.file == "curricula/courses/inst-a.yaml")
        #expect(issue?.line == 5)
        #expect(issue?.fix.contains("S1") == true || issue?.fix.contains("S2") == true)
    }

    @Test func duplicateCodesAreReportedWithTheFirstPlace() {
        // Given two skills with the same code
        let text = MinimalCatalog.skills.replacingOccurrences(of: "code: S2", with: "code: S1")

        // When the catalogue is checked
        let issues = MinimalCatalog.issues("surveys/skills.yaml", text)

        // Then the second one is reported, pointing at the first
        let issue = issues.first { $0.message.hasPrefix("duplicate skill code \"S1\"") }
        #expect(issue?.line == 19)
        #expect(issue?.message.contains("first at surveys/skills.yaml:15") == true)
    }

    @Test func missingTranslationIsReported() {
        // Given a region name without its Swedish text
        let text = MinimalCatalog.regions.replacingOccurrences(
            of: "{fi: Etelä, sv: Söder, en: South}", with: "{fi: Etelä, en: South}")

        // When the catalogue is checked
        let issues = MinimalCatalog.issues("surveys/regions.yaml", text)

        // Then the missing language is named, with the line of the text and the fix
        let issue = issues.first { $0.message.contains("has no sv translation") }
        #expect(issue?.line == 7)
        #expect(issue?.fix == "add \"sv: ...\" to it")
    }

    @Test func prerequisiteCycleIsReportedWithTheCycle() {
        // Given C1 requiring C2, which requires C1
        let text = MinimalCatalog.courses.replacingOccurrences(
            of: "skills: {S1: 1}", with: "skills: {S1: 1}\n    prerequisites: [C2]")

        // When the catalogue is checked
        let issues = MinimalCatalog.issues("curricula/courses/inst-a.yaml", text)

        // Then one issue names the whole cycle
        let cycles = issues.filter { $0.message.hasPrefix("prerequisite cycle") }
        #expect(cycles.count == 1)
        #expect(cycles.first?.message == "prerequisite cycle: C1 → C2 → C1")
        #expect(cycles.first?.fix == "remove one of these prerequisites")
    }

    @Test func newerFormatVersionIsRefusedWithUpdateAdvice() {
        // Given a file written for a newer program
        let text = MinimalCatalog.regions.replacingOccurrences(of: "formatVersion: 1", with: "formatVersion: 2")

        // When the catalogue is checked
        let issues = MinimalCatalog.issues("surveys/regions.yaml", text)

        // Then it is refused and the fix says to update osaava
        let issue = issues.first { $0.file == "surveys/regions.yaml" && $0.message.contains("formatVersion 2") }
        #expect(issue?.line == 1)
        #expect(issue?.fix.contains("update osaava") == true)
        #expect(throws: CatalogError.self) {
            try CatalogLoader.load(MinimalCatalog.files(replacing: ["surveys/regions.yaml": text]))
        }
    }

    @Test func invalidYAMLGivesTheLine() {
        // Given a region list broken by an unclosed bracket on line 5
        let text = MinimalCatalog.regions.replacingOccurrences(
            of: "name: {fi: Pohjoinen, sv: Norr, en: North}", with: "name: {fi: Pohjoinen, sv: Norr, en: North")

        // When the catalogue is checked
        let issues = MinimalCatalog.issues("surveys/regions.yaml", text)

        // Then the file is reported as invalid YAML at a line near the fault
        let issue = issues.first { $0.file == "surveys/regions.yaml" && $0.message.contains("is not valid YAML") }
        #expect(issue != nil, "\(issues)")
        #expect((5...7).contains(issue?.line ?? 0))
    }

    @Test func conditionOnAnUnknownOptionIsReported() {
        // Given a skip condition naming a format the vocabulary does not have
        let text = MinimalCatalog.survey.replacingOccurrences(of: "in: [module]", with: "in: [modul]")

        // When the catalogue is checked
        let issues = MinimalCatalog.issues("surveys/mini.yaml", text)

        // Then the value, the question and a did-you-mean are given
        let issue = issues.first { $0.message.contains("\"modul\" is not an option of formats") }
        #expect(issue?.file == "surveys/mini.yaml")
        #expect(issue?.fix == "did you mean \"module\"?")
    }

    @Test func conditionOnALaterQuestionIsReported() {
        // Given a condition that names a question asked after it
        let text = MinimalCatalog.survey.replacingOccurrences(
            of: "question: formats, in: [module]", with: "question: nowhere, in: [module]")

        // When the catalogue is checked
        let issues = MinimalCatalog.issues("surveys/mini.yaml", text)

        // Then it is reported
        #expect(issues.contains { $0.message.contains("refers to \"nowhere\", not an earlier question") })
    }

    @Test func missingTextKeyIsReported() {
        // Given a texts file lacking one key
        let text = MinimalCatalog.texts.split(separator: "\n").filter { !$0.contains("report.title:") }
            .joined(separator: "\n")

        // When the catalogue is checked
        let issues = MinimalCatalog.issues("surveys/texts.yaml", text)

        // Then exactly that key is reported
        #expect(issues.map(\.message) == ["text \"report.title\" is missing"])
    }

    @Test func suggestionFindsTheClosestCandidateOnly() {
        // Given some candidates
        let keys = ["code", "name", "region", "verified"]

        // Then a typo finds its word, and an unrelated word finds nothing
        #expect(Suggestion.closest(to: "nmae", in: keys) == "name")
        #expect(Suggestion.closest(to: "REGION", in: keys) == "region")
        #expect(Suggestion.closest(to: "verifed", in: keys) == "verified")
        #expect(Suggestion.closest(to: "xylophone", in: keys) == nil)
        #expect(Suggestion.closest(to: "name", in: []) == nil)
        #expect(Suggestion.distance("kitten", "sitting") == 3)
        #expect(Suggestion.hint(for: "zzzz", in: ["a", "b"], what: "keys") == "valid keys: a, b")
    }

    @Test func localizedFallsBackToEnglishThenToAnyLanguage() {
        // Given texts with and without the asked language
        let full = Localized(["fi": "Nyt", "en": "Now"])
        let swedishOnly = Localized(["sv": "Nu"])

        // Then the asked language wins, else English, else the first language in sorted order
        #expect(full("fi") == "Nyt")
        #expect(full("sv") == "Now")
        #expect(swedishOnly("fi") == "Nu")
        #expect(Localized([:])("fi") == "")
        #expect(full.all == ["Now", "Nyt"])
    }

    @Test func baseCreditsConvertTheCourseUnit() throws {
        // Given a catalogue whose osaamispiste counts 0.75 ECTS
        let catalog = try CatalogLoader.load(MinimalCatalog.files())
        let ects = try #require(catalog.course("C1"))
        let vocational = try #require(catalog.course("C2"))

        // Then credits are converted to the base unit
        #expect(catalog.baseCredits(ects) == 5)
        #expect(catalog.baseCredits(vocational) == 15)
    }

    @Test func courseRegionDefaultsToItsInstitutions() throws {
        // Given C1 without a region and C2 in the south, both of a northern institution
        let catalog = try CatalogLoader.load(MinimalCatalog.files())

        // Then C1 is in the north and C2 keeps its own region
        #expect(catalog.course("C1")?.region == "north")
        #expect(catalog.course("C2")?.region == "south")
    }

    @Test func everyProblemIsReportedInOneRun() {
        // Given two independent faults in two files
        let files = MinimalCatalog.files(replacing: [
            "surveys/regions.yaml": MinimalCatalog.regions.replacingOccurrences(of: "code: south", with: "code: north"),
            "curricula/courses/inst-a.yaml": MinimalCatalog.courses.replacingOccurrences(
                of: "unit: osp", with: "unit: opintopiste"),
        ])

        // When the catalogue is loaded
        // Then the error lists both, each with its place
        do {
            _ = try CatalogLoader.load(files)
            Issue.record("the catalogue loaded despite two faults")
        } catch let CatalogError.invalid(issues) {
            #expect(issues.contains { $0.message.hasPrefix("duplicate region code \"north\"") })
            #expect(issues.contains { $0.message == "course C2: unknown credit unit \"opintopiste\"" })
            #expect(CatalogError.invalid(issues).description.hasSuffix("problem(s) in the catalogue."))
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }
}
