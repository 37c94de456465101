import Analysis
import Catalog
import CatalogFixtures
import Testing

/// The report's two fixed tables suppressed as one: a skill group's national total minus its
/// published skills never reveals a suppressed skill, and the grand total is hidden in both or
/// in neither.
@Suite struct CrossTableSuppressionTests {
    @Test func aLoneSuppressedSkillIsProtectedByAnotherSkillOfItsGroup() throws {
        // Given RAW04 (3 organisations), RAW05 (4) and RAW07 (1: suppressed), and CELL02 (3, the
        // smallest skill nationally) and CELL06 (3), all in one region
        let catalog = try ShippedCatalog.load()
        var records: [NeedRecord] = []
        for organisation in 1...3 { records.append(Records.need(organisation, "vaasa", "RAW04", people: 5)) }
        for organisation in 4...7 { records.append(Records.need(organisation, "vaasa", "RAW05", people: 2)) }
        records.append(Records.need(8, "vaasa", "RAW07", people: 9))
        for organisation in 9...11 { records.append(Records.need(organisation, "vaasa", "CELL02", people: 1)) }
        for organisation in 12...14 { records.append(Records.need(organisation, "vaasa", "CELL06", people: 10)) }
        let analysis = NeedsAnalysis(catalog: catalog)
        let alone = analysis.table(records, query: NeedsQuery(by: [.skill], minRespondents: 3))
        // (alone, the skill table hides RAW07 and, to protect the national total, CELL02)
        #expect(alone.cell(["RAW07"])?.suppression == .primary)
        #expect(alone.cell(["CELL02"])?.suppression == .complementary)
        #expect(alone.cell(["RAW05"])?.isSuppressed == false)

        // When the steering tables are built (suppressed jointly)
        let tables = analysis.steeringTables(records, minRespondents: 3)

        // Then the RAW total (published in the group × region table) minus the published RAW
        // skills no longer gives RAW07: RAW05 is hidden too; likewise CELL06 protects CELL02
        #expect(tables.byGroupAndRegion.cell(["RAW", nil])?.isSuppressed == false)
        #expect(tables.bySkill.cell(["RAW05"])?.suppression == .complementary)
        #expect(tables.bySkill.cell(["RAW04"])?.isSuppressed == false)
        #expect(tables.bySkill.cell(["CELL06"])?.suppression == .complementary)
    }

    @Test(arguments: [41, 42, 43, 44, 45, 46] as [UInt64])
    func noSuppressedSkillIsRecoverableFromItsGroupTotal(seed: UInt64) throws {
        // Given seeded random records
        let catalog = try ShippedCatalog.load()
        var seeded = SeededRecords(seed: seed)
        let records = seeded.records(organisations: 14, count: 60)

        // When the steering tables are built
        let tables = NeedsAnalysis(catalog: catalog).steeringTables(records, minRespondents: 3)

        // Then for every group total that is published, its skills hide none or at least two
        for cell in tables.byGroupAndRegion.cells where cell.keys[1] == nil && !cell.isSuppressed {
            guard let group = cell.keys[0] else { continue }
            let skills = tables.bySkill.inner.filter { catalog.skill($0.keys[0] ?? "")?.group == group }
            #expect(skills.filter(\.isSuppressed).count != 1, "seed \(seed) group \(group)")
        }
        // And each table still protects its own lines, and no published cell is under K
        for table in [tables.byGroupAndRegion, tables.bySkill] {
            for cell in table.cells where !cell.isSuppressed {
                #expect(cell.respondents == 0 || cell.respondents >= 3)
            }
            for dimension in table.dimensions.indices {
                var lines: [[String?]: [NeedsCell]] = [:]
                for cell in table.cells where cell.keys[dimension] != nil {
                    var key = cell.keys
                    key[dimension] = nil
                    lines[key, default: []].append(cell)
                }
                for (key, members) in lines where table.cell(key)?.isSuppressed == false {
                    #expect(members.filter(\.isSuppressed).count != 1, "seed \(seed) line \(key)")
                }
            }
        }
        // And the grand total is hidden in both tables or in neither
        #expect(tables.byGroupAndRegion.grandTotal?.isSuppressed == tables.bySkill.grandTotal?.isSuppressed)
    }
}
