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
        plannableNeeds(CodedRecords(records), region: region, minRespondents: minRespondents)
    }

    /// The same over needs already coded (a report plans every region from one coding).
    package func plannableNeeds(_ coded: CodedRecords, region: String?, minRespondents: Int) -> [PlannableNeed] {
        let k = max(minRespondents, catalog.settings.minRespondents)
        let book = coded.codebook
        let regionCode: Int32?
        if let region {
            // A region no need names has no plannable need.
            guard let code = book.regions.firstIndex(of: region) else { return [] }
            regionCode = Int32(code)
        } else {
            regionCode = nil
        }
        let years = Dictionary(
            catalog.settings.horizons.map { ($0.code, $0.years) }, uniquingKeysWith: { first, _ in first })
        let yearsByCode = book.horizons.map { years[$0] ?? 1 }
        struct Gathered {
            /// Each organisation's highest level needed.
            var highest: [Int: Int] = [:]
            var people = 0
            var perYear = 0.0
            /// Needs preferring each format, by the format's code.
            var formats: [Int: Int] = [:]
        }
        var bySkill: [Int32: Gathered] = [:]
        coded.visit { response, needs in
            for need in needs where regionCode == nil || need.region == regionCode {
                bySkill[need.skill, default: Gathered()].highest[response.organisation] = max(
                    bySkill[need.skill]?.highest[response.organisation] ?? 0, Int(need.level))
                bySkill[need.skill, default: Gathered()].people += Int(need.people)
                bySkill[need.skill, default: Gathered()].perYear += Double(need.people) / yearsByCode[Int(need.horizon)]
                var bits = need.formats
                while bits != 0 {
                    bySkill[need.skill, default: Gathered()].formats[bits.trailingZeroBitCount, default: 0] += 1
                    bits &= bits - 1
                }
            }
        }
        var result: [PlannableNeed] = []
        for skill in catalog.skills.map(\.code) {
            guard let code = book.skills.firstIndex(of: skill), let gathered = bySkill[Int32(code)],
                gathered.highest.count >= k
            else { continue }
            // The highest level L such that at least K organisations need L or more.
            let level = gathered.highest.values.sorted(by: >)[k - 1]
            var formats: [String: Int] = [:]
            for (bit, count) in gathered.formats where bit < book.formats.count { formats[book.formats[bit]] = count }
            result.append(
                PlannableNeed(
                    skill: skill, level: level, people: gathered.people, peoplePerYear: gathered.perYear,
                    organisations: gathered.highest.count, formats: formats))
        }
        return result
    }
}
