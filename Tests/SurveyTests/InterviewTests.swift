import Catalog
import CatalogFixtures
import Survey
import Testing

@Suite struct InterviewTests {
    @Test func wholeInterviewGivesTheResponse() throws {
        // Given an interview of the shipped survey
        var interview = try InterviewDriver.start()

        // When every question is answered
        let replies = InterviewDriver.type(
            InterviewDriver.organisation + InterviewDriver.need("CELL02", more: "n")
                + ["national", "battery-safety", "We test cells.", "!skip", "yes", "no", "yes"],
            into: &interview)

        // Then no answer was rejected, the interview is complete and the response holds the answers
        #expect(!replies.contains { if case .rejected = $0 { true } else { false } })
        #expect(interview.isComplete)
        let response = try interview.response(id: "r1", now: "2026-03-01T10:00:00Z")
        #expect(response.id == "r1")
        #expect(response.survey == "battery-competence-2026")
        #expect(response.round == "2026")
        #expect(response.language == "en")
        #expect(
            response.organisation
                == Organisation(
                    name: "Akku Oy", businessId: "0112038-9", region: "kokkola", sector: "mining", size: "small",
                    roles: ["raw-materials", "cells"]))
        #expect(
            response.needs == [
                Need(
                    skill: "CELL02", level: 3, region: "kokkola", people: 12, horizon: "1-2y", priority: 5,
                    formats: ["degree", "short-course"])
            ])
        #expect(response.research.interest == ["national"])
        #expect(response.research.challenges == ["battery-safety"])
        #expect(response.research.text == "We test cells.")
        #expect(response.research.infrastructures == [])
        #expect(
            response.consent
                == Consent(
                    publish: true, contact: false, planning: true, textVersion: "2026-1",
                    givenAt: "2026-03-01T10:00:00Z"))
        #expect(!response.synthetic)
    }

    @Test func incompleteInterviewGivesNoResponse() throws {
        // Given an interview answered up to the region
        var interview = try InterviewDriver.start()
        InterviewDriver.type(["Akku Oy", "!skip"], into: &interview)

        // Then asking for the response names the next question
        #expect(throws: SurveyError.incomplete(next: "org_region")) {
            try interview.response(id: "r1", now: "2026-03-01T10:00:00Z")
        }
    }

    @Test func backReasksThePreviousQuestionAndEnterKeepsTheOldAnswer() throws {
        // Given the name answered and the business ID asked
        var interview = try InterviewDriver.start()
        InterviewDriver.type(["Akku Oy"], into: &interview)
        #expect(interview.current?.key == "business_id")

        // When going back
        let reply = interview.handle("<")

        // Then the name is asked again, offering the old answer
        #expect(reply == .back)
        #expect(interview.current?.key == "org_name")
        #expect(interview.prompt().contains("Enter keeps: Akku Oy"))

        // When Enter is pressed
        #expect(interview.handle("") == .accepted(echo: nil))

        // Then the old answer is kept and the interview moves on
        #expect(interview.value("org_name") == "Akku Oy")
        #expect(interview.current?.key == "business_id")
    }

    @Test func backTwiceThenEnterTwiceRestoresBothAnswers() throws {
        // Given three questions answered
        var interview = try InterviewDriver.start()
        InterviewDriver.type(["Akku Oy", "0112038-9", "vaasa"], into: &interview)

        // When going back twice and pressing Enter twice
        InterviewDriver.type(["<", "<"], into: &interview)
        #expect(interview.current?.key == "business_id")
        InterviewDriver.type(["", ""], into: &interview)

        // Then both answers are as before
        #expect(interview.value("business_id") == "0112038-9")
        #expect(interview.value("org_region") == "vaasa")
        #expect(interview.current?.key == "sector")
    }

    @Test func backOnTheFirstQuestionSaysSo() throws {
        // Given a fresh interview
        var interview = try InterviewDriver.start()

        // When going back
        let reply = interview.handle("<")

        // Then it says this is the first question and stays there
        #expect(reply == .atFirst("This is the first question."))
        #expect(interview.current?.key == "org_name")
        #expect(interview.answers.isEmpty)
    }

    @Test func aLineStartingWithLessThanIsAnAnswer() throws {
        // Given a fresh interview
        var interview = try InterviewDriver.start()

        // When typing "<5 years", which is not exactly "<"
        let reply = interview.handle("<5 years")

        // Then it is the answer
        #expect(reply == .accepted(echo: nil))
        #expect(interview.value("org_name") == "<5 years")
    }

    @Test func skipWorksOnOptionalQuestionsOnly() throws {
        // Given the interview at the optional business ID
        var interview = try InterviewDriver.start()
        InterviewDriver.type(["Akku Oy"], into: &interview)

        // When skipping it
        #expect(interview.handle("!skip") == .skipped)

        // Then it is answered empty; and the required region cannot be skipped
        #expect(interview.value("business_id") == "")
        #expect(interview.current?.key == "org_region")
        #expect(interview.handle("!skip") == .rejected("This question cannot be skipped."))
        #expect(interview.current?.key == "org_region")
    }

    @Test func emptyLineOnARequiredQuestionSaysWhatIsExpected() throws {
        // Given the interview at the region question
        var interview = try InterviewDriver.start()
        InterviewDriver.type(["Akku Oy", "!skip"], into: &interview)

        // When pressing Enter without an answer
        let reply = interview.handle("")

        // Then an answer is asked for, with the valid range of choices
        #expect(reply == .rejected("An answer is needed here. Choose a number 1–8."))
    }

    @Test func saveCommandStopsWithoutAnswering() throws {
        // Given the interview at the first question
        var interview = try InterviewDriver.start()

        // Then !save asks to keep the draft and records nothing
        #expect(interview.handle("!save") == .save)
        #expect(interview.answers.isEmpty)
    }

    @Test func helpOnAChoiceQuestionListsTheChoices() throws {
        // Given the interview at the region question
        var interview = try InterviewDriver.start()
        InterviewDriver.type(["Akku Oy", "!skip"], into: &interview)

        // When asking for help
        let reply = interview.handle("?")

        // Then the help explains the question and lists every region with its number
        guard case .help(let text) = reply else {
            Issue.record("expected help, got \(reply)")
            return
        }
        #expect(text.contains("Choose the site the answer concerns."))
        #expect(text.contains("Choose a number 1–8."))
        #expect(text.contains("  1) Kokkola"))
        #expect(text.contains("  8) Other region"))
        #expect(text.contains("Type ? for help"))
        #expect(interview.current?.key == "org_region")
    }

    @Test func helpOnASkillQuestionListsEverySkill() throws {
        // Given the interview at the first competence need
        var interview = try InterviewDriver.start()
        InterviewDriver.type(InterviewDriver.organisation, into: &interview)
        #expect(interview.current?.key == "needs.1.skill")

        // When asking for help
        guard case .help(let text) = interview.handle("?") else {
            Issue.record("expected help")
            return
        }

        // Then every skill of the taxonomy is listed with its number and code
        let catalog = try ShippedCatalog.load()
        for (index, skill) in catalog.skills.enumerated() {
            #expect(text.contains("  \(index + 1)) \(skill.code) "))
        }
    }

    @Test func integerOutOfRangeIsRejectedWithTheRange() throws {
        // Given the interview at "how many people"
        var interview = try InterviewDriver.start()
        InterviewDriver.type(InterviewDriver.organisation + ["CELL02", "3", "!skip"], into: &interview)
        #expect(interview.current?.key == "needs.1.people")

        // When the answer is outside 1–10000
        let tooMany = interview.handle("10001")
        let zero = interview.handle("0")
        let word = interview.handle("many")

        // Then each is rejected naming the range, and the question stays
        #expect(tooMany == .rejected("“10001” is not a whole number between 1 and 10000."))
        #expect(zero == .rejected("“0” is not a whole number between 1 and 10000."))
        #expect(word == .rejected("“many” is not a whole number between 1 and 10000."))
        #expect(interview.current?.key == "needs.1.people")
        #expect(!interview.isComplete)

        // And a valid number, even grouped with a space, is taken
        #expect(interview.handle("1 200") == .accepted(echo: nil))
        #expect(interview.value("needs.1.people") == "1200")
    }

    @Test func promptShowsTheRangeAndTheChoices() throws {
        // Given the interview at the level question
        var interview = try InterviewDriver.start()
        InterviewDriver.type(InterviewDriver.organisation + ["CELL02"], into: &interview)

        // Then the prompt numbers the levels with their EQF range and ends with "> "
        let prompt = interview.prompt()
        #expect(prompt.contains("At what level is the skill needed?"))
        #expect(prompt.contains("  1) Basic (EQF 2–3)"))
        #expect(prompt.contains("  4) Expert (EQF 7–8)"))
        #expect(prompt.contains("Choose a number 1–4."))
        #expect(prompt.hasSuffix("\n> "))
    }

    @Test(arguments: ["6", "jyvaskyla", "JYVASKYLA", "Jyväskylä", "jyväskylä", " jyvaskyla "])
    func regionIsChosenByNumberCodeOrName(_ input: String) throws {
        // Given the interview at the region question
        var interview = try InterviewDriver.start()
        InterviewDriver.type(["Akku Oy", "!skip"], into: &interview)

        // When the region is given by number, code or name
        let reply = interview.handle(input)

        // Then it is stored as its code
        #expect(reply == .accepted(echo: nil))
        #expect(interview.value("org_region") == "jyvaskyla")
    }

    @Test(arguments: [("Karleby", "kokkola"), ("Åbo", "turku"), ("abo", "turku"), ("Björneborg", "pori")])
    func regionIsChosenByItsNameInAnyLanguage(_ input: String, _ code: String) throws {
        // Given a Finnish interview at the region question
        var interview = try InterviewDriver.start(language: "fi")
        InterviewDriver.type(["Akku Oy", "!skip"], into: &interview)

        // When the region is given by its Swedish name
        #expect(interview.handle(input) == .accepted(echo: nil))

        // Then it is stored as its code
        #expect(interview.value("org_region") == code)
    }

    @Test func unknownChoiceIsRejectedWithWhatIsExpected() throws {
        // Given the interview at the region question
        var interview = try InterviewDriver.start()
        InterviewDriver.type(["Akku Oy", "!skip"], into: &interview)

        // When the answer is neither a number, a code nor a name
        let reply = interview.handle("Helsinki")
        let outOfRange = interview.handle("9")

        // Then it is rejected naming the valid numbers
        #expect(reply == .rejected("“Helsinki” is not one of the choices. Choose a number 1–8."))
        #expect(outOfRange == .rejected("“9” is not one of the choices. Choose a number 1–8."))
        #expect(interview.current?.key == "org_region")
    }

    @Test(arguments: ["1,3", "3,1", "1, 3", "raw-materials;cells", "1,3,3"])
    func multiSelectStoresTheChoicesInCatalogueOrder(_ input: String) throws {
        // Given the interview at the roles question
        var interview = try InterviewDriver.start()
        InterviewDriver.type(["Akku Oy", "!skip", "kokkola", "mining", "small"], into: &interview)
        #expect(interview.current?.key == "roles")

        // When several roles are chosen
        #expect(interview.handle(input) == .accepted(echo: nil))

        // Then they are stored once each, in the catalogue's order
        #expect(interview.value("roles") == "raw-materials,cells")
    }

    @Test(arguments: [
        ("Cell manufacturing", "cells"),
        ("Cell manufacturing, Modules and packs", "cells,modules-packs"),
        ("Kennojen valmistus; 1", "raw-materials,cells"),
    ])
    func multiSelectTakesNamesWithSpaces(_ input: String, _ value: String) throws {
        // Given the interview at the roles question
        var interview = try InterviewDriver.start()
        InterviewDriver.type(["Akku Oy", "!skip", "kokkola", "mining", "small"], into: &interview)

        // When roles are given by names of several words, separated by commas or semicolons
        #expect(interview.handle(input) == .accepted(echo: nil))

        // Then each name counts as one choice
        #expect(interview.value("roles") == value)
    }

    @Test func multiSelectOfOnlySeparatorsIsNotAnAnswer() throws {
        // Given the interview at the roles question
        var interview = try InterviewDriver.start()
        InterviewDriver.type(["Akku Oy", "!skip", "kokkola", "mining", "small"], into: &interview)

        // When only separators are typed
        let reply = interview.handle(", ;")

        // Then nothing is chosen and the question stays
        #expect(
            reply == .rejected("“, ;” is not one of the choices. Choose one or more numbers 1–8, separated by commas."))
        #expect(interview.current?.key == "roles")
    }

    @Test func multiSelectWithOneBadChoiceIsRejected() throws {
        // Given the interview at the roles question
        var interview = try InterviewDriver.start()
        InterviewDriver.type(["Akku Oy", "!skip", "kokkola", "mining", "small"], into: &interview)

        // When one of the choices does not exist
        let reply = interview.handle("1,99")

        // Then the whole answer is rejected naming the bad piece
        #expect(
            reply == .rejected("“99” is not one of the choices. Choose one or more numbers 1–8, separated by commas."))
        #expect(interview.value("roles") == nil)
    }

    @Test func yesAndNoWordsFollowTheLanguage() throws {
        // Given a Finnish interview at the first "add another?"
        var interview = try InterviewDriver.start(language: "fi")
        InterviewDriver.type(InterviewDriver.organisation + InterviewDriver.need("CELL02", more: "k"), into: &interview)

        // Then "k" (kyllä) added a second need; and "maybe" is neither yes nor no
        #expect(interview.value("needs.1.more") == "yes")
        #expect(interview.current?.key == "needs.2.skill")
        InterviewDriver.type(Array(InterviewDriver.need("CELL02", more: "").dropLast()), into: &interview)
        #expect(interview.handle("ehkä") == .rejected("”ehkä” ei ole kyllä eikä ei. Vastaa k (kyllä) tai e (ei)."))
        #expect(interview.handle("e") == .accepted(echo: nil))
        #expect(interview.current?.key == "interest")
    }
}
