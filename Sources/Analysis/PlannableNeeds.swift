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

    /// The same over needs already coded.
    package func plannableNeeds(_ coded: CodedRecords, region: String?, minRespondents: Int) -> [PlannableNeed] {
        plannableNeeds(coded, regions: [region], minRespondents: minRespondents)[0]
    }

    /// The plannable needs of each of `regions` (nil: all regions together), in that order, from
    /// one pass over the coded needs (a report plans every region).
    package func plannableNeeds(_ coded: CodedRecords, regions: [String?], minRespondents: Int) -> [[PlannableNeed]] {
        let k = max(minRespondents, catalog.settings.minRespondents)
        let book = coded.codebook
        // -1 stands for all regions together; a region no need names has no code and no need.
        let all: Int32 = -1
        let codes = regions.map { region in region.map { book.regions.firstIndex(of: $0).map(Int32.init) } ?? all }
        let chosen = Set(codes.compactMap { $0 })
        let wanted = book.regions.indices.map { chosen.contains(Int32($0)) }
        let wantsAll = codes.contains(all)
        let years = Dictionary(
            catalog.settings.horizons.map { ($0.code, $0.years) }, uniquingKeysWith: { first, _ in first })
        let yearsByCode = book.horizons.map { years[$0] ?? 1 }
        struct Gathered {
            /// The highest level each organisation needs, one entry per organisation: the needs
            /// are visited organisation by organisation, so a new one is a new entry.
            var levels: [Int] = []
            var lastOrganisation = Int.min
            var people = 0
            var perYear = 0.0
            /// Needs preferring each format, by the format's code.
            var formats: [Int: Int] = [:]

            mutating func add(_ need: CodedNeed, of organisation: Int, years: Double) {
                if organisation == lastOrganisation {
                    levels[levels.count - 1] = max(levels[levels.count - 1], Int(need.level))
                } else {
                    levels.append(Int(need.level))
                    lastOrganisation = organisation
                }
                people += Int(need.people)
                perYear += Double(need.people) / years
                var bits = need.formats
                while bits != 0 {
                    formats[bits.trailingZeroBitCount, default: 0] += 1
                    bits &= bits - 1
                }
            }
        }
        // Dense: one slot per region (and one for all regions) and skill code.
        let skills = book.skills.count
        func slot(_ region: Int32, _ skill: Int32) -> Int {
            (region == all ? book.regions.count : Int(region)) * skills + Int(skill)
        }
        var gathered = [Gathered?](repeating: nil, count: (book.regions.count + 1) * skills)
        func add(_ index: Int, _ need: CodedNeed, _ organisation: Int, _ years: Double) {
            if gathered[index] == nil { gathered[index] = Gathered() }
            gathered[index]!.add(need, of: organisation, years: years)
        }
        coded.visit { response, needs in
            for need in needs {
                let years = yearsByCode[Int(need.horizon)]
                if wantsAll { add(slot(all, need.skill), need, response.organisation, years) }
                if wanted[Int(need.region)] {
                    add(slot(need.region, need.skill), need, response.organisation, years)
                }
            }
        }
        return codes.map { region in
            guard let region else { return [] }
            var result: [PlannableNeed] = []
            for skill in catalog.skills.map(\.code) {
                guard let code = book.skills.firstIndex(of: skill), let part = gathered[slot(region, Int32(code))],
                    part.levels.count >= k
                else { continue }
                // The highest level L such that at least K organisations need L or more.
                let level = part.levels.sorted(by: >)[k - 1]
                var formats: [String: Int] = [:]
                for (bit, count) in part.formats where bit < book.formats.count { formats[book.formats[bit]] = count }
                result.append(
                    PlannableNeed(
                        skill: skill, level: level, people: part.people, peoplePerYear: part.perYear,
                        organisations: part.levels.count, formats: formats))
            }
            return result
        }
    }
}
