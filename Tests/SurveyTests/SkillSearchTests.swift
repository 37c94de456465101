import Catalog
import CatalogFixtures
import Survey
import Testing

@Suite struct SkillSearchTests {
    /// An interview at the first competence need's skill question.
    private func atSkill(language: String = "en") throws -> Interview {
        var interview = try InterviewDriver.start(language: language)
        InterviewDriver.type(InterviewDriver.organisation, into: &interview)
        #expect(interview.current?.key == "needs.1.skill")
        return interview
    }

    @Test(arguments: ["CELL02", "cell02", " Cell02 "])
    func skillIsFoundByCode(_ input: String) throws {
        // Given the interview at the skill question
        var interview = try atSkill()

        // When the code is typed in any case
        let reply = interview.handle(input)

        // Then the skill is taken and echoed with its name
        #expect(reply == .accepted(echo: "→ CELL02 Electrode coating and drying"))
        #expect(interview.value("needs.1.skill") == "CELL02")
    }

    @Test func skillIsFoundByItsNumberInTheTaxonomy() throws {
        // Given the interview at the skill question and the taxonomy's first skill
        var interview = try atSkill()
        let first = try #require(try ShippedCatalog.load().skills.first)

        // When its number is typed
        #expect(interview.handle("1") == .accepted(echo: "→ \(first.code) \(first.name("en"))"))

        // Then that skill is stored
        #expect(interview.value("needs.1.skill") == first.code)
    }

    @Test(
        arguments: [
            ("hiilijalanjäljen", "REG04"),  // Finnish, with ä
            ("hiilijalanjaljen", "REG04"),  // Finnish, folded
            ("koldioxidsnåla", nil),  // not a skill name: a research challenge
            ("koldioxidavtryck", "REG04"),  // Swedish
            ("batteribränder", "TEST05"),  // Swedish, with ä
            ("batteribrander", "TEST05"),  // Swedish, folded
            ("carbon footprint", "REG04"),  // English, two words
            ("Kuivahuonetyöskentely", "CELL06"),  // a whole Finnish name
            ("kuivahuonetyoskentely", "CELL06"),  // folded
            ("Syklikesto", "TEST03"),  // part of a Finnish name
            ("åldringstestning", "TEST03"),  // part of a Swedish name
        ] as [(String, String?)])
    func skillIsFoundByPartOfANameInAnyLanguage(_ input: String, _ code: String?) throws {
        // Given the interview at the skill question
        var interview = try atSkill()

        // When part of a name is typed
        let reply = interview.handle(input)

        // Then exactly the skill with that name is taken (or none, for a word no skill has)
        if let code {
            #expect(reply == .accepted(echo: "→ \(code) \(try ShippedCatalog.load().skill(code)?.name("en") ?? "")"))
            #expect(interview.value("needs.1.skill") == code, "\(input) → \(reply)")
        } else {
            #expect(interview.value("needs.1.skill") == nil)
        }
    }

    @Test func severalMatchesAreListedToChooseFrom() throws {
        // Given the interview at the skill question
        var interview = try atSkill()

        // When a word many skills share is typed ("sahko" folds "sähkö")
        let reply = interview.handle("sahko")

        // Then the matches are listed with their numbers and codes, and none is taken
        guard case .rejected(let message) = reply else {
            Issue.record("expected a list of matches, got \(reply)")
            return
        }
        #expect(message.hasPrefix("Several skills match “sahko”; choose one:"))
        for code in ["CHEM01", "PACK04", "TEST01"] {
            #expect(message.contains(") \(code) "), "\(code) not listed")
        }
        #expect(interview.value("needs.1.skill") == nil)
        #expect(interview.current?.key == "needs.1.skill")
    }

    @Test func noMatchSuggestsTheClosestSkills() throws {
        // Given the interview at the skill question
        var interview = try atSkill()

        // When a misspelt word is typed
        let reply = interview.handle("hydrometalurgia")

        // Then nothing is taken and the closest skills are suggested
        guard case .rejected(let message) = reply else {
            Issue.record("expected suggestions, got \(reply)")
            return
        }
        #expect(message.hasPrefix("No skill matches “hydrometalurgia”. Closest: "))
        #expect(message.contains("RAW04 Hydrometallurgy and leaching"))
        #expect(interview.current?.key == "needs.1.skill")
    }

    @Test func anEmptyTaxonomyFindsNothingWithoutCrashing() {
        // Given a search over no skills
        let search = SkillSearch(skills: [])

        // Then a number, a code and a word all find nothing
        #expect(search.find("1") == .none(suggestions: []))
        #expect(search.find("CELL02") == .none(suggestions: []))
        #expect(search.find("") == .none(suggestions: []))
    }

    @Test func searchDirectlyFindsSynonyms() throws {
        // Given the skill search over the shipped taxonomy
        let catalog = try ShippedCatalog.load()
        let search = SkillSearch(skills: catalog.skills)

        // Then an occupational title in the synonyms finds its skill, and nonsense finds none
        #expect(search.find("exploration geologist") == .found(try #require(catalog.skill("RAW01"))))
        guard case .none(let suggestions) = search.find("qqqqqqqq") else {
            Issue.record("expected no match")
            return
        }
        #expect(suggestions.count == 3)
    }
}
