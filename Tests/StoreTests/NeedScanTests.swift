import Catalog
import Foundation
import Store
import Testing

/// The full scan's packed, coded needs say exactly what the need rows say.
@Suite struct NeedScanTests {
    struct Plain: Hashable {
        var organisation: Int
        var round: String
        var region: String
        var sector: String
        var size: String
        var skill: String
        var level: Int
        var people: Int
        var horizon: String
        var priority: Int
        var formats: [String]
    }

    @Test(arguments: [21, 22, 23] as [UInt64])
    func theScanDecodesTheSameNeedsTheNeedRowsHold(seed: UInt64) throws {
        // Given random responses, some written twice (a new version)
        var random = SeededGenerator(seed: seed)
        let store = try ResponseStore.inMemory()
        for _ in 0..<40 {
            let response = SeededResponses.response(
                &random, organisation: Int.random(in: 0..<15, using: &random),
                round: SeededResponses.rounds.randomElement(using: &random) ?? "2026")
            _ = try store.insert([response], source: "test", now: "2026-01-01", policy: .incoming)
        }

        // When the needs are scanned
        var scanned: [Plain] = []
        var organisationsSeen: [Int] = []
        try store.scanNeeds { codebook, scan in
            try scan { response, needs in
                if organisationsSeen.last != response.organisation { organisationsSeen.append(response.organisation) }
                for need in needs {
                    scanned.append(
                        Plain(
                            organisation: response.organisation, round: codebook.rounds[Int(response.round)],
                            region: codebook.regions[Int(need.region)], sector: codebook.sectors[Int(response.sector)],
                            size: codebook.sizes[Int(response.size)], skill: codebook.skills[Int(need.skill)],
                            level: Int(need.level), people: Int(need.people),
                            horizon: codebook.horizons[Int(need.horizon)], priority: Int(need.priority),
                            formats: codebook.formats.indices.filter { need.formats & (1 << UInt32($0)) != 0 }.map {
                                codebook.formats[$0]
                            }.sorted()))
                }
            }
        }

        // Then they are the need rows of the current responses (read through plain SQL), and each
        // organisation's responses came one after another
        let rows = try store.needRecords { _ in "" }.map {
            Plain(
                organisation: $0.organisation, round: $0.round, region: $0.region, sector: $0.sector, size: $0.size,
                skill: $0.skill, level: $0.level, people: $0.people, horizon: $0.horizon, priority: $0.priority,
                formats: $0.formats.sorted())
        }
        #expect(!rows.isEmpty)
        #expect(
            Dictionary(grouping: scanned, by: { $0 }).mapValues(\.count)
                == Dictionary(grouping: rows, by: { $0 }).mapValues(\.count))
        #expect(organisationsSeen.count == Set(organisationsSeen).count)
    }
}
