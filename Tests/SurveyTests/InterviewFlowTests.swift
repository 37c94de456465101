import Catalog
import Foundation
import Survey
import Testing

@Suite struct InterviewFlowTests {
    /// An interview at the research-interest question, after one need.
    private func atInterest() throws -> Interview {
        var interview = try InterviewDriver.start()
        InterviewDriver.type(InterviewDriver.organisation + InterviewDriver.need("CELL02", more: "n"), into: &interview)
        #expect(interview.current?.key == "interest")
        return interview
    }

    @Test func noResearchInterestSkipsTheChallengeQuestions() throws {
        // Given the interview at the research-interest question
        var interview = try atInterest()

        // When the interest is skipped
        #expect(interview.handle("!skip") == .skipped)

        // Then the challenge questions are not asked
        #expect(interview.current?.key == "infrastructures")
    }

    @Test func aResearchInterestAsksTheChallengeQuestions() throws {
        // Given the interview at the research-interest question
        var interview = try atInterest()

        // When a Horizon Europe interest is given
        #expect(interview.handle("horizon-europe") == .accepted(echo: nil))

        // Then the challenges are asked next
        #expect(interview.current?.key == "challenges")
    }

    @Test func changingTheInterestAfterBackBringsTheChallengesBack() throws {
        // Given no interest, so the interview skipped to the infrastructures
        var interview = try atInterest()
        InterviewDriver.type(["!skip"], into: &interview)
        #expect(interview.current?.key == "infrastructures")

        // When going back and giving an interest
        InterviewDriver.type(["<", "national"], into: &interview)

        // Then the challenges are asked after all
        #expect(interview.current?.key == "challenges")
    }

    @Test func changingTheInterestToNoneDropsTheChallengeAnswers() throws {
        // Given an interest, a challenge and a text answered
        var interview = try atInterest()
        InterviewDriver.type(["national", "battery-safety", "Secret plan"], into: &interview)
        #expect(interview.current?.key == "infrastructures")

        // When going back to the interest and removing it, then finishing
        InterviewDriver.type(["<", "<", "<", "!skip"], into: &interview)
        #expect(interview.current?.key == "infrastructures")
        InterviewDriver.type(["!skip", "yes", "yes", "yes"], into: &interview)

        // Then the response holds no challenge and no text: stale answers are gone
        #expect(interview.isComplete)
        let response = try interview.response(id: "r", now: "2026-01-01T00:00:00Z")
        #expect(response.research.challenges == [])
        #expect(response.research.text == nil)
        #expect(!response.answers.contains { $0.key == "challenges" || $0.key == "challenge_text" })
    }

    @Test func addAnotherShowsARunningSummaryAndAddsItems() throws {
        // Given one need entered
        var interview = try InterviewDriver.start()
        InterviewDriver.type(
            InterviewDriver.organisation + Array(InterviewDriver.need("CELL02", more: "").dropLast()), into: &interview)
        #expect(interview.current?.key == "needs.1.more")

        // Then "add another?" shows the need so far
        let first = interview.prompt()
        #expect(
            first.contains("Needs so far:\n  1. CELL02 Electrode coating and drying · Advanced · 12 · In 1–2 years · 5")
        )
        #expect(first.contains("Add another competence need?"))

        // When a second need is added
        #expect(interview.handle("y") == .accepted(echo: nil))
        #expect(interview.current?.key == "needs.2.skill")
        #expect(interview.prompt().hasPrefix("── Competence need 2 ──\n"))
        InterviewDriver.type(Array(InterviewDriver.need("REG04", more: "").dropLast()), into: &interview)

        // Then the summary lists both, and "no" ends the group
        let second = interview.prompt()
        #expect(second.contains("  1. CELL02 Electrode coating and drying"))
        #expect(second.contains("  2. REG04 Carbon footprint calculation"))
        #expect(interview.handle("n") == .accepted(echo: nil))
        #expect(interview.current?.key == "interest")
        InterviewDriver.type(InterviewDriver.noResearchAndConsents, into: &interview)
        let response = try interview.response(id: "r", now: "2026-01-01T00:00:00Z")
        #expect(response.needs.map(\.skill) == ["CELL02", "REG04"])
    }

    @Test func needRegionDefaultsToTheOrganisationsRegion() throws {
        // Given two needs: one skipping its region, one in Vaasa
        var interview = try InterviewDriver.start()
        InterviewDriver.type(
            InterviewDriver.organisation + InterviewDriver.need("CELL02", more: "y")
                + ["REG04", "2", "vaasa", "3", "now", "1", "!skip", "n"] + InterviewDriver.noResearchAndConsents,
            into: &interview)

        // Then the first need is in the organisation's region, the second in Vaasa
        let response = try interview.response(id: "r", now: "2026-01-01T00:00:00Z")
        #expect(response.needs.map(\.region) == ["kokkola", "vaasa"])
        #expect(response.needs[1].formats == [])
    }

    @Test func groupStopsAtItsMaximum() throws {
        // Given the shipped survey's repeat group of at most 15 needs
        var interview = try InterviewDriver.start()
        InterviewDriver.type(InterviewDriver.organisation, into: &interview)

        // When 15 needs are entered, each followed by "yes"
        for number in 1...15 {
            let lines = InterviewDriver.need("CELL02", more: "y")
            InterviewDriver.type(number == 15 ? Array(lines.dropLast()) : lines, into: &interview)
        }

        // Then no 16th need is offered
        #expect(interview.current?.key == "interest")
    }

    @Test(arguments: ["0112038-9", "1572860-0", "2617416-4", "0737546-2", "1234567-1", " 0112038-9 "])
    func validBusinessIdsAreAccepted(_ input: String) {
        // Given IDs with a correct check digit (weights 7, 9, 10, 5, 8, 4, 2, modulo 11)
        // Then they are accepted in canonical form
        #expect(BusinessId.normalised(input) == input.trimmingCharacters(in: .whitespaces))
    }

    @Test func oldSixDigitBusinessIdGetsItsLeadingZero() {
        #expect(BusinessId.normalised("112038-9") == "0112038-9")
    }

    @Test(arguments: [
        "0112038-8", "0112038-0", "1000008-0", "1000008-1", "0112038", "01120389", "A112038-9", "0112038-99", "",
    ])
    func invalidBusinessIdsAreRejected(_ input: String) {
        // Given a wrong check digit, a body whose remainder is 1 (no valid check digit), or a bad shape
        // Then the ID is refused
        #expect(BusinessId.normalised(input) == nil)
    }

    @Test func interviewRejectsABusinessIdWithAWrongCheckDigit() throws {
        // Given the interview at the business ID
        var interview = try InterviewDriver.start()
        InterviewDriver.type(["Akku Oy"], into: &interview)

        // When a wrong check digit is typed, then the right one
        let wrong = interview.handle("0112038-8")
        let right = interview.handle("112038-9")

        // Then the first is rejected with the expected form, the second stored canonically
        #expect(
            wrong == .rejected("“0112038-8” is not a valid business ID (format 1234567-8 with a correct check digit)."))
        #expect(right == .accepted(echo: nil))
        #expect(interview.value("business_id") == "0112038-9")
    }

    @Test func resumingContinuesAtTheFirstUnansweredQuestion() throws {
        // Given the saved answers of an interrupted interview
        var first = try InterviewDriver.start()
        InterviewDriver.type(InterviewDriver.organisation + ["CELL02", "3"], into: &first)
        let saved = first.answers

        // When a new interview starts from them
        let resumed = try InterviewDriver.start(answers: saved)

        // Then it has every answer and asks the next question
        #expect(resumed.answers == saved)
        #expect(resumed.current?.key == "needs.1.need_region")
    }

    @Test func resumingDropsAnswersTheSurveyNoLongerAsks() throws {
        // Given saved answers with a challenge although no interest was given (a stale answer)
        var first = try InterviewDriver.start()
        InterviewDriver.type(InterviewDriver.organisation + InterviewDriver.need("CELL02", more: "n"), into: &first)
        let saved =
            first.answers + [
                Answer(key: "interest", value: ""), Answer(key: "challenges", value: "battery-safety"),
                Answer(key: "infrastructures", value: ""),
            ]

        // When resuming
        let resumed = try InterviewDriver.start(answers: saved)

        // Then the stale challenge is gone and the next question is the first consent
        #expect(resumed.value("challenges") == nil)
        #expect(resumed.value("infrastructures") == "")
        #expect(resumed.current?.key == "consent_publish")
    }

    @Test func prefillAnswersTheOrganisationName() throws {
        // Given a fresh interview
        var interview = try InterviewDriver.start()

        // When the name is prefilled, and a business ID is prefilled at the wrong step
        let reply = interview.prefill(.organisationName, with: "Akku Oy")
        let wrongStep = interview.prefill(.organisationRegion, with: "kokkola")

        // Then the name is answered and the region prefill did nothing
        #expect(reply == .accepted(echo: nil))
        #expect(wrongStep == nil)
        #expect(interview.current?.key == "business_id")
    }
}
