import Catalog
import Store
import Testing

@Suite struct DraftTests {
    private let answers = [
        Answer(key: "org_name", value: "Akku Oy"), Answer(key: "business_id", value: ""),
        Answer(key: "org_region", value: "kokkola"),
    ]

    @Test func savedAnswersReloadInOrder() throws {
        // Given a new draft
        let store = try ResponseStore.inMemory()
        let id = try store.createDraft(survey: "battery-competence-2026", language: "sv", now: Fixtures.now)

        // When answers are saved, then saved again with one more
        try store.saveDraft(id, answers: Array(answers.prefix(2)), now: Fixtures.now)
        try store.saveDraft(id, answers: answers, now: "2026-03-01T10:05:00Z")

        // Then the draft holds the last answers in their order
        let draft = try store.draft(id)
        #expect(draft.answers == answers)
        #expect(draft.survey == "battery-competence-2026")
        #expect(draft.language == "sv")
        #expect(draft.editsResponse == nil)
    }

    @Test func savingFewerAnswersReplacesTheOldOnes() throws {
        // Given a draft with three answers
        let store = try ResponseStore.inMemory()
        let id = try store.createDraft(survey: "s", language: "fi", now: Fixtures.now)
        try store.saveDraft(id, answers: answers, now: Fixtures.now)

        // When the person went back and only one answer remains
        try store.saveDraft(id, answers: Array(answers.prefix(1)), now: Fixtures.now)

        // Then only that one is kept
        #expect(try store.draft(id).answers == Array(answers.prefix(1)))
    }

    @Test func draftsAreListedWithTheirOrganisationAndCount() throws {
        // Given two drafts, one with answers
        let store = try ResponseStore.inMemory()
        let first = try store.createDraft(survey: "s", language: "fi", now: "2026-03-01T10:00:00Z")
        let second = try store.createDraft(survey: "s", language: "en", now: "2026-03-01T09:00:00Z")
        try store.saveDraft(first, answers: answers, now: "2026-03-01T11:00:00Z")

        // When they are listed
        let list = try store.drafts()

        // Then the least recently updated comes first, each with its answers counted
        #expect(list.map(\.id) == [second, first])
        #expect(list.map(\.answered) == [0, 3])
        #expect(list.map(\.organisation) == [nil, "Akku Oy"])
        #expect(list.map(\.language) == ["en", "fi"])
        #expect(first != second)
        #expect(first.hasPrefix("d"))
    }

    @Test func discardedDraftIsGone() throws {
        // Given a draft with answers
        let store = try ResponseStore.inMemory()
        let id = try store.createDraft(survey: "s", language: "fi", now: Fixtures.now)
        try store.saveDraft(id, answers: answers, now: Fixtures.now)

        // When it is discarded
        try store.discardDraft(id)

        // Then it is neither listed nor readable, and discarding again is an error
        #expect(try store.drafts().isEmpty)
        #expect(throws: StoreError.self) { try store.draft(id) }
        #expect(throws: StoreError.self) { try store.discardDraft(id) }
    }

    @Test func unknownDraftSaysHowToListDrafts() throws {
        // Given an empty store
        let store = try ResponseStore.inMemory()

        // When a draft that does not exist is read or saved
        // Then the error names it and the command that lists drafts
        do {
            _ = try store.draft("dffffff")
            Issue.record("an unknown draft was read")
        } catch {
            #expect("\(error)" == "there is no draft \"dffffff\". List the drafts with: osaava survey drafts")
        }
        #expect(throws: StoreError.self) { try store.saveDraft("dffffff", answers: answers, now: Fixtures.now) }
        #expect(try store.drafts().isEmpty)
    }

    @Test func completingMovesTheDraftToTheResponses() throws {
        // Given a draft of a finished interview
        let store = try ResponseStore.inMemory()
        let id = try store.createDraft(survey: "battery-competence-2026", language: "fi", now: Fixtures.now)
        try store.saveDraft(id, answers: answers, now: Fixtures.now)

        // When it is completed
        try store.complete(draft: id, response: Fixtures.response("r1"), now: Fixtures.now)

        // Then the draft is gone and the response is there, version 1, from the interview
        #expect(try store.drafts().isEmpty)
        let stored = try store.responses()
        #expect(stored.map(\.response) == [Fixtures.response("r1")])
        #expect(stored.map(\.version) == [1])
        #expect(stored.map(\.source) == ["interview"])
    }

    @Test func aFailedCompletionKeepsTheDraftAndWritesNothing() throws {
        // Given a draft and a response the database refuses (a level below 1)
        let store = try ResponseStore.inMemory()
        let id = try store.createDraft(survey: "s", language: "fi", now: Fixtures.now)
        try store.saveDraft(id, answers: answers, now: Fixtures.now)
        let bad = Fixtures.response("r1", needs: [Fixtures.need("CELL02"), Fixtures.need("CELL03", level: 0)])

        // When completing fails
        #expect(throws: StoreError.self) { try store.complete(draft: id, response: bad, now: Fixtures.now) }

        // Then nothing of the response was written and the draft is intact
        #expect(try store.responses().isEmpty)
        #expect(try store.needRecords(groupOf: { _ in "" }).isEmpty)
        #expect(try store.draft(id).answers == answers)
    }

    @Test func completingAnUnknownDraftWritesNothing() throws {
        // Given an empty store
        let store = try ResponseStore.inMemory()

        // When a draft that does not exist is completed
        #expect(throws: StoreError.self) {
            try store.complete(draft: "dabcdef", response: Fixtures.response("r1"), now: Fixtures.now)
        }

        // Then no response appeared
        #expect(try store.responses().isEmpty)
    }
}
