import Catalog

/// A skill needed in at least N regions, counting only region cells with ≥ K organisations
/// (so the list itself never rests on a suppressed cell).
package struct SharedNeed: Sendable, Hashable {
    package var skill: String
    /// Regions whose cell for the skill is published, in catalogue order.
    package var regions: [String]
    /// People needed in those regions' cells (a sum of published cells).
    package var people: Int
    package var peoplePerYear: Double
    package var index: Double
}

extension NeedsAnalysis {
    package static let sharedQuery: [Dimension] = [.skill, .region]

    /// The lead project's "shared competence needs": ranked by regions, then demand index.
    package func sharedNeeds(_ records: [NeedRecord], minRespondents: Int) -> [SharedNeed] {
        sharedNeeds(CodedRecords(records), minRespondents: minRespondents)
    }

    package func sharedNeeds(_ coded: CodedRecords, minRespondents: Int) -> [SharedNeed] {
        sharedNeeds(from: table(coded, query: NeedsQuery(by: Self.sharedQuery, minRespondents: minRespondents)))
    }

    /// Shared needs from a skill × region table (`sharedQuery`), however it was computed.
    package func sharedNeeds(from table: NeedsTable) -> [SharedNeed] {
        guard let skillPosition = table.dimensions.firstIndex(of: .skill),
            let regionPosition = table.dimensions.firstIndex(of: .region), table.dimensions.count == 2
        else { return [] }
        var bySkill: [String: SharedNeed] = [:]
        for cell in table.inner where !cell.isSuppressed && cell.respondents >= table.minRespondents {
            guard let skill = cell.keys[skillPosition], let region = cell.keys[regionPosition],
                region != catalog.settings.otherRegion
            else { continue }
            var need = bySkill[skill] ?? SharedNeed(skill: skill, regions: [], people: 0, peoplePerYear: 0, index: 0)
            need.regions.append(region)
            need.people += cell.people
            need.peoplePerYear += cell.peoplePerYear
            need.index += cell.index
            bySkill[skill] = need
        }
        return bySkill.values.filter { $0.regions.count >= catalog.settings.sharedRegions }.sorted {
            ($1.regions.count, $1.index, $0.skill) < ($0.regions.count, $0.index, $1.skill)
        }
    }
}
