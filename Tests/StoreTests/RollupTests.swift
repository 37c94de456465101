import Catalog
import Foundation
import Store
import Testing

/// The rollups a store maintains while writing responses equal a recomputation from scratch, and
/// an independent computation from the responses themselves.
@Suite struct RollupTests {
    /// A rollup cell as a comparable value: values, organisations, and people by (horizon, priority).
    struct Cell: Hashable {
        var values: [String: String]
        var organisations: Int
        var people: [String: Int]
    }

    static func cells(_ cells: [RollupCell]) -> Set<Cell> {
        Set(
            cells.map { cell in
                var people: [String: Int] = [:]
                for demand in cell.demand {
                    people["\(demand.horizon)/\(demand.priority)", default: 0] += demand.people
                }
                return Cell(values: cell.values, organisations: cell.organisations, people: people)
            })
    }

    /// The cells computed straight from the current responses, without the store.
    static func expected(_ responses: [SurveyResponse], _ definition: RollupDefinition) -> Set<Cell> {
        var organisations: [[String: String]: Set<String>] = [:]
        var people: [[String: String]: [String: Int]] = [:]
        for response in responses {
            for need in response.needs {
                let attributes = [
                    "region": need.region, "skill": need.skill, "horizon": need.horizon,
                    "skill-group": definition.skillGroups[need.skill] ?? "",
                ]
                for grouping in definition.groupings {
                    var values: [String: String] = [:]
                    for name in grouping { values[name] = attributes[name] }
                    organisations[values, default: []].insert(response.organisation.key)
                    people[values, default: [:]]["\(need.horizon)/\(need.priority)", default: 0] += need.people
                }
            }
        }
        return Set(
            organisations.map { values, members in
                Cell(values: values, organisations: members.count, people: people[values] ?? [:])
            })
    }

    static let allGroupings = SeededResponses.definition.groupings

    @Test(arguments: [1, 2, 3, 4, 5] as [UInt64])
    func maintainedRollupsEqualARecomputationAfterRandomInsertsAndNewVersions(seed: UInt64) throws {
        // Given a store whose rollups are defined before any response arrives
        var random = SeededGenerator(seed: seed)
        let store = try ResponseStore.inMemory()
        let definition = SeededResponses.definition
        try store.rebuildRollups(definition)
        var current: [String: SurveyResponse] = [:]

        // When random batches of new responses and new versions of earlier ones are written
        for batch in 0..<8 {
            var responses: [SurveyResponse] = []
            var ids = Set<String>()
            for _ in 0..<Int.random(in: 1...6, using: &random) {
                let response = SeededResponses.response(
                    &random, organisation: Int.random(in: 0..<12, using: &random),
                    round: SeededResponses.rounds.randomElement(using: &random) ?? "2026")
                guard ids.insert(response.id).inserted else { continue }
                responses.append(response)
            }
            _ = try store.insert(responses, source: "test", now: "2026-01-0\(batch % 9 + 1)", policy: .incoming)
            for response in responses { current[response.id] = response }

            // Then after every batch the rollups were maintained, not rebuilt, and are exact
            #expect(try store.rollupsAreCurrent(definition))
            let maintained = Self.cells(try store.rollupCells(definition, groupings: Self.allGroupings))
            #expect(maintained == Self.expected(Array(current.values), definition), "seed \(seed) batch \(batch)")
        }
        // And a recomputation from scratch gives the same cells
        let maintained = Self.cells(try store.rollupCells(definition, groupings: Self.allGroupings))
        try store.rebuildRollups(definition)
        #expect(Self.cells(try store.rollupCells(definition, groupings: Self.allGroupings)) == maintained)
    }

    @Test(arguments: [7, 8, 9] as [UInt64])
    func rollupsEqualARecomputationAfterErasures(seed: UInt64) throws {
        // Given maintained rollups over random responses
        var random = SeededGenerator(seed: seed)
        let store = try ResponseStore.inMemory()
        let definition = SeededResponses.definition
        try store.rebuildRollups(definition)
        var current: [String: SurveyResponse] = [:]
        for organisation in 0..<12 {
            for round in SeededResponses.rounds where Bool.random(using: &random) {
                let response = SeededResponses.response(&random, organisation: organisation, round: round)
                _ = try store.insert([response], source: "test", now: "2026-01-01", policy: .incoming)
                current[response.id] = response
            }
        }

        // When some organisations are erased
        for organisation in (0..<12).filter({ _ in Bool.random(using: &random) }) {
            let name = "Yritys \(organisation)"
            guard current.values.contains(where: { $0.organisation.name == name }) else { continue }
            _ = try store.eraseOrganisation(name, region: nil, now: "2026-02-01")
            current = current.filter { $0.value.organisation.name != name }

            // Then the rollups hold nothing of it at once, and the next read equals the remaining responses
            let cells = Self.cells(try store.rollupCells(definition, groupings: Self.allGroupings))
            #expect(cells == Self.expected(Array(current.values), definition), "seed \(seed)")
        }
        // And writing after a rebuild maintains them again
        let response = SeededResponses.response(&random, organisation: 99, round: "2027")
        _ = try store.insert([response], source: "test", now: "2026-03-01", policy: .incoming)
        current[response.id] = response
        #expect(try store.rollupsAreCurrent(definition))
        #expect(
            Self.cells(try store.rollupCells(definition, groupings: Self.allGroupings))
                == Self.expected(Array(current.values), definition))
    }

    @Test(arguments: [13, 14] as [UInt64])
    func rollupsEqualTheMergedResponsesAfterAMerge(seed: UInt64) throws {
        // Given a central database with maintained rollups and a coordinator's database, both
        // holding random responses (some of the same organisations, some newer versions)
        var random = SeededGenerator(seed: seed)
        let (centralPath, centralFolder) = try Fixtures.temporaryDatabase()
        let (otherPath, otherFolder) = try Fixtures.temporaryDatabase()
        defer {
            try? FileManager.default.removeItem(at: centralFolder)
            try? FileManager.default.removeItem(at: otherFolder)
        }
        let central = try ResponseStore.open(path: centralPath)
        let other = try ResponseStore.open(path: otherPath)
        let definition = SeededResponses.definition
        try central.rebuildRollups(definition)
        var current: [String: SurveyResponse] = [:]
        for organisation in 0..<8 {
            let response = SeededResponses.response(&random, organisation: organisation, round: "2026")
            _ = try central.insert([response], source: "test", now: "2026-01-01")
            current[response.id] = response
        }
        var theirs: [SurveyResponse] = []
        for organisation in 4..<12 {
            theirs.append(SeededResponses.response(&random, organisation: organisation, round: "2027"))
        }
        _ = try other.insert(theirs, source: "test", now: "2026-01-02")

        // When the coordinator's database is merged into the central one
        _ = try central.merge(from: otherPath, policy: .incoming, dryRun: false, now: "2026-02-01")
        for response in theirs { current[response.id] = response }

        // Then the central rollups equal the merged responses
        let cells = Self.cells(try central.rollupCells(definition, groupings: Self.allGroupings))
        #expect(cells == Self.expected(Array(current.values), definition))
    }

    @Test func rollupsAreRebuiltWhenTheSkillGroupsChange() throws {
        // Given rollups maintained for one skill-group mapping
        let store = try ResponseStore.inMemory()
        var random = SeededGenerator(seed: 11)
        let responses = (0..<6).map { SeededResponses.response(&random, organisation: $0, round: "2026") }
        _ = try store.insert(responses, source: "test", now: "2026-01-01")
        _ = try store.rollupCells(SeededResponses.definition, groupings: [["skill-group"]])

        // When the catalogue moves a skill to another group
        var moved = SeededResponses.definition
        moved.skillGroups["RAW04"] = "CELL"

        // Then the old rollups are not current for the new mapping, and reading gives the new grouping
        #expect(try !store.rollupsAreCurrent(moved))
        let cells = Self.cells(try store.rollupCells(moved, groupings: moved.groupings))
        #expect(cells == Self.expected(responses, moved))
        #expect(try store.rollupsAreCurrent(moved))
    }

    @Test func responsesWrittenBeforeAnyAnalysisArePackedAndCounted() throws {
        // Given responses written while no rollups were defined
        let store = try ResponseStore.inMemory()
        var random = SeededGenerator(seed: 12)
        let responses = (0..<8).map { SeededResponses.response(&random, organisation: $0, round: "2026") }
        _ = try store.insert(responses, source: "test", now: "2026-01-01")

        // When the rollups are first read
        let cells = Self.cells(try store.rollupCells(SeededResponses.definition, groupings: Self.allGroupings))

        // Then they were built from every response
        #expect(cells == Self.expected(responses, SeededResponses.definition))
    }
}
