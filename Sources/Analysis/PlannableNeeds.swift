import Catalog

/// A (skill, level) a region's organisations need, as the planner may use it: built only from a
/// cell with at least K organisations, at the highest level at least K of them need, so that no
/// plan reveals what a single organisation asked for.
package struct PlannableNeed: Sendable, Hashable {
    package var skill: String
    package var level: Int
    package var people: Int
    /// People per year: each need's people divided by its horizon's span in years.
    package var peoplePerYear: Double
    package var organisations: Int
    package var formats: [String: Int]

    package init(
        skill: String, level: Int, people: Int, peoplePerYear: Double, organisations: Int, formats: [String: Int]
    ) {
        self.skill = skill
        self.level = level
        self.people = people
        self.peoplePerYear = peoplePerYear
        self.organisations = organisations
        self.formats = formats
    }
}

extension NeedsAnalysis {
    /// The needs of `region` (all regions when nil) that a plan may cover, in catalogue order.
    package func plannableNeeds(_ records: [NeedRecord], region: String?, minRespondents: Int) -> [PlannableNeed] {
        let k = max(minRespondents, catalog.settings.minRespondents)
        var bySkill: [String: [NeedRecord]] = [:]
        for record in records where region == nil || record.region == region {
            bySkill[record.skill, default: []].append(record)
        }
        var result: [PlannableNeed] = []
        for skill in catalog.skills.map(\.code) {
            guard let needs = bySkill[skill], Set(needs.map(\.organisation)).count >= k else { continue }
            // The highest level L such that at least K organisations need L or more.
            var highest: [Int: Int] = [:]
            for need in needs { highest[need.organisation] = max(highest[need.organisation] ?? 0, need.level) }
            let levels = highest.values.sorted(by: >)
            let level = levels[k - 1]
            let years = Dictionary(
                catalog.settings.horizons.map { ($0.code, $0.years) }, uniquingKeysWith: { first, _ in first })
            let perYear = needs.reduce(0.0) { $0 + Double($1.people) / (years[$1.horizon] ?? 1) }
            var formats: [String: Int] = [:]
            for need in needs { for format in need.formats { formats[format, default: 0] += 1 } }
            result.append(
                PlannableNeed(
                    skill: skill, level: level, people: needs.reduce(0) { $0 + $1.people }, peoplePerYear: perYear,
                    organisations: highest.count, formats: formats))
        }
        return result
    }
}
