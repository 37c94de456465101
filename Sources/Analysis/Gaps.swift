import Catalog

/// People needed per year in one horizon of a gap row; nil when that cell is suppressed.
package struct HorizonDemand: Sendable, Hashable {
    package var horizon: String
    package var perYear: Double?
}

/// Demand against education supply for one (region, skill) cell with at least K organisations.
package struct GapRow: Sendable, Hashable {
    package var region: String
    package var skill: String
    /// The level a course must reach: the highest level that at least K of the cell's
    /// organisations need (or more), so that no row reveals what one organisation asked for.
    package var level: Int
    package var organisations: Int
    /// People needed per year (each need's people over its horizon's span), all horizons.
    package var demandPerYear: Double
    /// The same by horizon, in catalogue order.
    package var byHorizon: [HorizonDemand]
    /// Places per year of courses in the region (contact or blended) teaching the skill at ≥ level.
    package var regionalSupply: Double
    /// This region's share of online courses' places (see `GapTable.onlineRule`).
    package var onlineSupply: Double
    package var regionalCourses: [String]
    package var onlineCourses: [String]
    /// No course anywhere teaches the skill at the level.
    package var noCourse: Bool
    /// Some of the supply comes from an illustrative (invented) course offering.
    package var illustrative: Bool

    package var supply: Double { regionalSupply + onlineSupply }
    /// Demand − supply per year: positive is a shortfall.
    package var gap: Double { demandPerYear - supply }
    package var shortfall: Double { max(0, gap) }
}

/// `analyze gaps`: rows sorted by shortfall, largest first.
package struct GapTable: Sendable, Hashable {
    package var rows: [GapRow]
    package var horizons: [String]
    package var minRespondents: Int
    /// How online places are counted, said with the result.
    package static let onlineRule =
        "An online course's places are counted once, nationally: they go to the regions still short after "
        + "their own courses, in proportion to what each still lacks, never beyond it."
}

extension NeedsAnalysis {
    /// Gaps over need records in memory.
    package func gaps(_ records: [NeedRecord], minRespondents: Int) -> GapTable {
        gaps(CodedRecords(records), minRespondents: minRespondents)
    }

    /// Gaps over needs already coded.
    package func gaps(_ coded: CodedRecords, minRespondents: Int) -> GapTable {
        return (try? gaps(codebook: coded.codebook, minRespondents: minRespondents, scan: coded.scan))
            ?? GapTable(rows: [], horizons: [], minRespondents: minRespondents)
    }

    /// Per region and skill: demand per year against supply per year, built only from cells with
    /// at least K organisations (and not hidden by complementary suppression).
    package func gaps(
        codebook: NeedCodebook, minRespondents: Int, scan: (CodedNeedVisitor) throws -> Void
    ) throws -> GapTable {
        let k = max(minRespondents, catalog.settings.minRespondents)
        let demand = try table(
            codebook: codebook, query: NeedsQuery(by: [.region, .skill, .horizon], minRespondents: k), scan: scan)
        let levels = try LevelProfile.scan(codebook: codebook, scan)
        let horizons = catalog.settings.horizons.map(\.code)
        var rows: [GapRow] = []
        for cell in demand.margins where cell.keys[0] != nil && cell.keys[1] != nil && cell.keys[2] == nil {
            guard let region = cell.keys[0], let skill = cell.keys[1], !cell.isSuppressed, cell.respondents >= k,
                let level = levels.level(region: region, skill: skill, k: k)
            else { continue }
            let byHorizon = horizons.map { horizon -> HorizonDemand in
                guard let part = demand.cell([region, skill, horizon]) else {
                    return HorizonDemand(horizon: horizon, perYear: 0)
                }
                return HorizonDemand(horizon: horizon, perYear: part.isSuppressed ? nil : part.peoplePerYear)
            }
            let need = SkillLevel(skill, level)
            let regional = catalog.courses.filter { $0.region == region && $0.delivery != .online && $0.covers(need) }
            rows.append(
                GapRow(
                    region: region, skill: skill, level: level, organisations: cell.respondents,
                    demandPerYear: cell.peoplePerYear, byHorizon: byHorizon,
                    regionalSupply: Double(regional.reduce(0) { $0 + $1.capacity }), onlineSupply: 0,
                    regionalCourses: regional.map(\.code), onlineCourses: [],
                    noCourse: !catalog.courses.contains { $0.covers(need) },
                    illustrative: regional.contains(where: \.illustrative)))
        }
        allocateOnline(&rows)
        let order = CatalogOrder(catalog)
        let regionRank = Dictionary(
            order.sorted(Set(rows.map(\.region)), .region).enumerated().map { ($1, $0) },
            uniquingKeysWith: { a, _ in a })
        let skillRank = Dictionary(
            order.sorted(Set(rows.map(\.skill)), .skill).enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        rows.sort {
            ($1.shortfall, $1.demandPerYear, regionRank[$0.region] ?? 0, skillRank[$0.skill] ?? 0) < (
                $0.shortfall, $0.demandPerYear, regionRank[$1.region] ?? 0, skillRank[$1.skill] ?? 0
            )
        }
        return GapTable(rows: rows, horizons: horizons, minRespondents: k)
    }

    /// Online places, counted once nationally (`GapTable.onlineRule`): each online course, in
    /// catalogue order, is shared among the rows it covers that are still short, in proportion to
    /// their remaining shortfall and never beyond it.
    private func allocateOnline(_ rows: inout [GapRow]) {
        for course in catalog.courses where course.delivery == .online {
            let covered = rows.indices.filter {
                rows[$0].gap > 1e-9 && course.covers(SkillLevel(rows[$0].skill, rows[$0].level))
            }
            let short = covered.reduce(0.0) { $0 + rows[$1].gap }
            guard short > 0, course.capacity > 0 else { continue }
            let places = Double(course.capacity)
            for index in covered {
                let share = min(rows[index].gap, places * rows[index].gap / short)
                rows[index].onlineSupply += share
                rows[index].onlineCourses.append(course.code)
                rows[index].illustrative = rows[index].illustrative || course.illustrative
            }
        }
    }
}

/// Per (region, skill): how many organisations need each level at most, from one scan in
/// organisation order, so that the K-safe level is found without keeping any organisation's needs.
struct LevelProfile {
    private var counts: [Int: [Int: Int]] = [:]
    private var codebook: NeedCodebook

    static func scan(codebook: NeedCodebook, _ scan: (CodedNeedVisitor) throws -> Void) throws -> LevelProfile {
        var profile = LevelProfile(codebook: codebook)
        let skills = codebook.skills.count
        var highest: [Int: Int] = [:]
        var current = Int.min
        func flush() {
            for (pair, level) in highest { profile.counts[pair, default: [:]][level, default: 0] += 1 }
            highest.removeAll(keepingCapacity: true)
        }
        try scan { response, needs in
            if response.organisation != current {
                flush()
                current = response.organisation
            }
            for need in needs {
                let pair = Int(need.region) * skills + Int(need.skill)
                highest[pair] = max(highest[pair] ?? 0, Int(need.level))
            }
        }
        flush()
        return profile
    }

    /// The highest level L such that at least k organisations need L or more.
    func level(region: String, skill: String, k: Int) -> Int? {
        guard let r = codebook.regions.firstIndex(of: region), let s = codebook.skills.firstIndex(of: skill),
            let levels = counts[r * codebook.skills.count + s]
        else { return nil }
        var seen = 0
        for level in levels.keys.sorted(by: >) {
            seen += levels[level] ?? 0
            if seen >= k { return level }
        }
        return nil
    }
}
