import Catalog
import Foundation
import Store
import Testing

@Suite struct ResponseWriteTests {
    @Test func insertIsIdempotent() throws {
        // Given two responses inserted once
        let store = try ResponseStore.inMemory()
        let responses = [
            Fixtures.response("r1", organisation: "A"),
            Fixtures.response("r2", organisation: "B", needs: [Fixtures.need("RAW04"), Fixtures.need("REG04")]),
        ]
        let first = try store.insert(responses, source: "import", now: Fixtures.now)
        let fingerprint = try store.dataFingerprint()

        // When the same responses are inserted again, later
        let second = try store.insert(responses, source: "import", now: "2026-04-01T00:00:00Z")

        // Then nothing changed and nothing is duplicated
        #expect(first.inserted == 2)
        #expect(second.inserted == 0 && second.unchanged == 2 && second.newVersions == 0)
        #expect(second.conflicts.isEmpty)
        #expect(try store.responses().map(\.response) == responses)
        #expect(try store.needRecords(groupOf: { _ in "" }).count == 3)
        #expect(try store.dataFingerprint() == fingerprint)
        #expect(try store.status().responses == 2)
    }

    @Test func insertIsAllOrNothing() throws {
        // Given a batch whose last response the database refuses (people 0)
        let store = try ResponseStore.inMemory()
        let batch = [
            Fixtures.response("r1", organisation: "A"),
            Fixtures.response("r2", organisation: "B", needs: [Fixtures.need("RAW04", people: 0)]),
        ]

        // When it is inserted
        #expect(throws: StoreError.self) { try store.insert(batch, source: "import", now: Fixtures.now) }

        // Then not even the first response was written
        #expect(try store.responses().isEmpty)
        #expect(try store.status().organisations == 0)
    }

    @Test func conflictWithReportPolicyWritesNothingAtAll() throws {
        // Given a stored response
        let store = try ResponseStore.inMemory()
        let original = Fixtures.response("r1", organisation: "A")
        _ = try store.insert([original], source: "import", now: Fixtures.now)
        let before = try store.dataFingerprint()

        // When a batch with a new response and a changed r1 arrives under the report policy
        var changed = original
        changed.needs[0].people = 40
        let batch = [Fixtures.response("r2", organisation: "B"), changed]

        // Then the conflict is reported and nothing at all is written, not even r2
        do {
            _ = try store.insert(batch, source: "import", now: Fixtures.now, policy: .report)
            Issue.record("a conflict was written")
        } catch let rollback as Rollback {
            #expect(rollback.summary.conflicts == ["r1"])
            #expect(rollback.summary.inserted == 1)
        }
        #expect(try store.responses().map(\.response) == [original])
        #expect(try store.dataFingerprint() == before)
    }

    @Test func incomingPolicyMakesANewVersion() throws {
        // Given a stored response
        let store = try ResponseStore.inMemory()
        let original = Fixtures.response("r1", needs: [Fixtures.need("CELL02", people: 3)])
        _ = try store.insert([original], source: "import", now: Fixtures.now)

        // When a changed r1 arrives preferring the incoming one
        let changed = Fixtures.response(
            "r1", needs: [Fixtures.need("CELL02", people: 40), Fixtures.need("REG04", people: 2)])
        let summary = try store.insert([changed], source: "import", now: Fixtures.now, policy: .incoming)

        // Then it is version 2, current, and the analysis sees only its needs
        #expect(summary.newVersions == 1)
        let stored = try store.responses()
        #expect(stored.map(\.version) == [2])
        #expect(stored.map(\.response) == [changed])
        let records = try store.needRecords(groupOf: { _ in "G" })
        #expect(records.map(\.people).sorted() == [2, 40])
        #expect(try store.status().needs == 2)
    }

    @Test func existingPolicyKeepsWhatIsThere() throws {
        // Given a stored response
        let store = try ResponseStore.inMemory()
        let original = Fixtures.response("r1")
        _ = try store.insert([original], source: "import", now: Fixtures.now)

        // When a changed r1 arrives preferring the existing one
        var changed = original
        changed.organisation.size = "large"
        let summary = try store.insert([changed], source: "import", now: Fixtures.now, policy: .existing)

        // Then nothing changed
        #expect(summary.unchanged == 1)
        #expect(try store.responses().map(\.response) == [original])
        #expect(try store.responses().map(\.version) == [1])
    }

    @Test func aVersionThreeFollowsVersionTwo() throws {
        // Given a response edited once
        let store = try ResponseStore.inMemory()
        for people in [1, 2, 3] {
            _ = try store.insert(
                [Fixtures.response("r1", needs: [Fixtures.need("CELL02", people: people)])], source: "edit",
                now: Fixtures.now, policy: .incoming)
        }

        // Then versions are counted
        #expect(try store.responses().map(\.version) == [3])
        #expect(try store.needRecords(groupOf: { _ in "" }).map(\.people) == [3])
    }

    @Test func needRecordsCarryWhatTheAnalysisSlicesBy() throws {
        // Given two responses of one organisation (by business ID) and one of another
        let store = try ResponseStore.inMemory()
        _ = try store.insert(
            [
                Fixtures.response("r1", businessId: "0112038-9", needs: [Fixtures.need("CELL02", region: "vaasa")]),
                Fixtures.response("r2", organisation: "Renamed Oy", businessId: "0112038-9"),
                Fixtures.response("r3", organisation: "Other Oy", region: "pori"),
            ], source: "import", now: Fixtures.now)

        // When the records are read
        let records = try store.needRecords(groupOf: { String($0.prefix(4)) })

        // Then each need keeps its region, the organisation's sector and size, and the skill's group
        #expect(records.count == 3)
        #expect(Set(records.map(\.organisation)).count == 2)
        #expect(records.map(\.region).sorted() == ["kokkola", "kokkola", "vaasa"])
        #expect(records.allSatisfy { $0.group == "CELL" && $0.sector == "chemicals" && $0.size == "small" })
        #expect(records.allSatisfy { $0.formats == ["module"] && $0.round == "2026" && $0.horizon == "now" })
    }

    @Test func pseudonymsAreStableAndHideTheName() throws {
        // Given two organisations
        let store = try ResponseStore.inMemory()
        _ = try store.insert(
            [Fixtures.response("r1", organisation: "Akku Oy"), Fixtures.response("r2", organisation: "Kemia Ab")],
            source: "import", now: Fixtures.now)

        // When pseudonyms are asked twice
        let first = try store.pseudonyms()
        let second = try store.pseudonyms()

        // Then they are the same, distinct, shaped org-xxxxxxxxxx, and never contain the name
        #expect(first == second)
        #expect(first.count == 2)
        #expect(Set(first.values).count == 2)
        for name in first.values {
            #expect(name.hasPrefix("org-") && name.count == 14)
            #expect(!name.lowercased().contains("akku") && !name.lowercased().contains("kemia"))
        }
        let ids = Set(try store.responses().map(\.organisationId))
        #expect(Set(first.keys) == ids)
    }

    @Test func pseudonymsSurviveReopeningTheFile() throws {
        // Given pseudonyms made in a database file
        let (path, folder) = try Fixtures.temporaryDatabase()
        defer { try? FileManager.default.removeItem(at: folder) }
        let before = try {
            let store = try ResponseStore.open(path: path)
            _ = try store.insert([Fixtures.response("r1")], source: "import", now: Fixtures.now)
            return try store.pseudonyms()
        }()

        // When the file is opened again
        let after = try ResponseStore.open(path: path).pseudonyms()

        // Then the organisation has the same pseudonym
        #expect(after == before)
        #expect(after.count == 1)
    }

    @Test func equalDataGiveEqualFingerprints() throws {
        // Given the same responses stored in two databases in another order and at other times
        let a = try ResponseStore.inMemory()
        let b = try ResponseStore.inMemory()
        let responses = [Fixtures.response("r1", organisation: "A"), Fixtures.response("r2", organisation: "B")]
        _ = try a.insert(responses, source: "import", now: Fixtures.now)
        _ = try b.insert(responses.reversed(), source: "interview", now: "2027-01-01T00:00:00Z")

        // Then their fingerprints are equal, and differ from other data
        #expect(try a.dataFingerprint() == b.dataFingerprint())
        let c = try ResponseStore.inMemory()
        _ = try c.insert([responses[0]], source: "import", now: Fixtures.now)
        #expect(try c.dataFingerprint() != a.dataFingerprint())
        #expect(try a.dataFingerprint().count == 16)
    }

    @Test func challengeRecordsComeFromCurrentResponses() throws {
        // Given a response naming two challenges
        let store = try ResponseStore.inMemory()
        _ = try store.insert(
            [Fixtures.response("r1", challenges: ["battery-safety", "second-life"])], source: "import",
            now: Fixtures.now)

        // Then each challenge is a record in the organisation's region
        let records = try store.challengeRecords()
        #expect(records.map(\.challenge) == ["battery-safety", "second-life"])
        #expect(records.allSatisfy { $0.region == "kokkola" && $0.interest == ["national"] })
    }

    @Test func statusAndMetaCountWhatIsStored() throws {
        // Given a response, a draft and a meta value
        let store = try ResponseStore.inMemory()
        var synthetic = Fixtures.response("r2", organisation: "B")
        synthetic.synthetic = true
        _ = try store.insert([Fixtures.response("r1"), synthetic], source: "import", now: Fixtures.now)
        _ = try store.createDraft(survey: "s", language: "fi", now: Fixtures.now)
        try store.setMeta("seed", "42")

        // Then status counts them and the meta value reads back
        let status = try store.status()
        #expect(status.responses == 2 && status.organisations == 2 && status.needs == 2)
        #expect(status.drafts == 1 && status.syntheticResponses == 1)
        #expect(status.path == ":memory:")
        #expect(try store.meta("seed") == "42")
        #expect(try store.meta("nothing") == nil)
        #expect(try store.surveysAndRounds().surveys == ["battery-competence-2026"])
    }

    @Test func anErasureAfterAnImportOnTheSameConnectionStillRemovesTheNeeds() throws {
        // Given responses imported (an import turns foreign-key checks off while it writes)
        let store = try ResponseStore.inMemory()
        let incoming = [
            IncomingResponse(response: Fixtures.response("r1", organisation: "Akku Oy"), source: "import:test"),
            IncomingResponse(response: Fixtures.response("r2", organisation: "Muu Oy"), source: "import:test"),
        ]
        let report = try store.importResponses(incoming, policy: .report, dryRun: false, now: Fixtures.now)
        #expect(report.committed)
        #expect(try store.needRecords(groupOf: { _ in "" }).count == 2)

        // When one organisation is erased through the same store
        _ = try store.eraseOrganisation("Akku Oy", region: nil, now: Fixtures.now)

        // Then its needs went with its response (the cascade works: the checks are on again)
        #expect(try store.needRecords(groupOf: { _ in "" }).count == 1)
        #expect(try store.responses().map(\.response.id) == ["r2"])
    }
}
