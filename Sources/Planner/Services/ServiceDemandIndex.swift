import Analysis
import Catalog

/// One piece of demand a template could answer, with the organisations behind it (kept in memory
/// only to count distinct organisations; never part of a result).
struct DemandPart {
    var basis: ServiceBasis
    var organisations: Set<Int>
    var people: Int
    /// Regions a needs cell or a challenge is published for (each with ≥ K organisations).
    var regions: [String]
    /// Infrastructure requests only: the requesting organisations by their region; a region
    /// counts as a region of demand only where the concept's requests there reach K.
    var requesters: [String: Set<Int>]
    /// Skill groups the part asks expertise in (none for an infrastructure request: it names its
    /// provider itself).
    var groups: [String]
    /// Needs cells only: organisations preferring each of the template's formats.
    var formats: [String: Set<Int>]
}

/// The demand the data show, indexed once for every template: needs by skill group × region,
/// infrastructure requests, shared challenges. Only parts with at least K organisations exist.
struct ServiceDemandIndex {
    let catalog: Catalog
    let k: Int
    private let needs: CodedRecords
    private let requested: [String: [String: Set<Int>]]
    private let shared: [(challenge: SharedChallenge, organisations: Set<Int>)]
    private let research: ResearchVocabulary

    init(
        catalog: Catalog, needs: CodedRecords, requests: [InfrastructureRequest], challenges: [ChallengeRecord],
        k: Int
    ) {
        self.catalog = catalog
        self.k = k
        self.needs = needs
        var requested: [String: [String: Set<Int>]] = [:]
        for request in requests where catalog.infrastructure(request.infrastructure) != nil {
            requested[request.infrastructure, default: [:]][request.region, default: []].insert(request.organisation)
        }
        self.requested = requested
        let sharedChallenges = NeedsAnalysis(catalog: catalog).sharedChallenges(challenges, minRespondents: k)
        shared = sharedChallenges.map { challenge in
            let regions = Set(challenge.regions.map(\.region))
            let organisations = Set(
                challenges.filter { $0.challenge == challenge.challenge && regions.contains($0.region) }
                    .map(\.organisation))
            return (challenge, organisations)
        }
        research = ResearchVocabulary(catalog)
    }

    /// Every part of the data that `template` answers, in a fixed order.
    func parts(for template: ServiceConceptTemplate) -> [DemandPart] {
        var parts: [DemandPart] = []
        if !template.formats.isEmpty { parts += needsCells(template.formats) }
        if template.answersInfrastructureRequests {
            parts += requestedInfrastructures(named: { template.infrastructureKinds.contains($0.kind) })
        }
        if template.answersChallenges { parts += sharedChallenges() }
        return parts
    }

    /// Why `template` has no part, one reason per kind of demand it declares.
    func shortfalls(for template: ServiceConceptTemplate) -> [ServiceShortfall] {
        var shortfalls: [ServiceShortfall] = []
        if !template.formats.isEmpty { shortfalls.append(.noNeedsCell(formats: template.formats)) }
        if template.answersInfrastructureRequests {
            let others = requestedInfrastructures(named: { !template.infrastructureKinds.contains($0.kind) })
            var codes: [String] = []
            for part in others {
                if case .infrastructure(let code) = part.basis { codes.append(code) }
            }
            shortfalls.append(.noInfrastructureRequest(types: template.infrastructureKinds, otherTypes: codes))
        }
        if template.answersChallenges { shortfalls.append(.noSharedChallenge) }
        return shortfalls.isEmpty ? [.declaresNoDemand] : shortfalls
    }

    /// Skill group × region cells where at least K organisations prefer one of `formats`.
    ///
    /// `analyze needs` publishes the whole cell, so a part of it must not leave a small remainder:
    /// the organisations without such a preference, and those with needs in the cell that prefer
    /// none of the formats (whose people the difference would show), must each be none or at least K.
    private func needsCells(_ formats: [String]) -> [DemandPart] {
        let book = needs.codebook
        var wanted: UInt32 = 0
        for (bit, format) in book.formats.enumerated() where formats.contains(format) && bit < 32 {
            wanted |= 1 << UInt32(bit)
        }
        // Dense cells: skill group (by each skill's code) × region (by code); the catch-all
        // region is not a region of demand.
        let groups = catalog.groups.map(\.code)
        let groupOfSkill = book.skills.map { skill in catalog.skill(skill).flatMap { groups.firstIndex(of: $0.group) } }
        let other = book.regions.firstIndex(of: catalog.settings.otherRegion).map(Int32.init)
        // Organisations are counted as they come: the needs are visited organisation by
        // organisation, so a cell's distinct organisations are the ones that differ from the last.
        struct Organisations {
            var list: [Int] = []
            mutating func add(_ organisation: Int) { if list.last != organisation { list.append(organisation) } }
        }
        struct Cell {
            var organisations = Organisations()
            var people = 0
            var formats: [Organisations]
            var everyone = Organisations()
            var otherNeeds = Organisations()
        }
        let regionCount = book.regions.count
        var cells = [Cell?](repeating: nil, count: groups.count * regionCount)
        needs.visit { response, list in
            let organisation = response.organisation
            for need in list where need.region != other {
                guard let group = groupOfSkill[Int(need.skill)] else { continue }
                let index = group * regionCount + Int(need.region)
                // Changed in place: a copy taken out and stored back would copy its lists at every need.
                if cells[index] == nil {
                    cells[index] = Cell(formats: Array(repeating: Organisations(), count: book.formats.count))
                }
                cells[index]!.everyone.add(organisation)
                var bits = need.formats & wanted
                if bits == 0 {
                    cells[index]!.otherNeeds.add(organisation)
                    continue
                }
                cells[index]!.organisations.add(organisation)
                cells[index]!.people += Int(need.people)
                while bits != 0 {
                    cells[index]!.formats[bits.trailingZeroBitCount].add(organisation)
                    bits &= bits - 1
                }
            }
        }
        func safe(_ count: Int) -> Bool { count == 0 || count >= k }
        var parts: [DemandPart] = []
        for (group, groupCode) in groups.enumerated() {
            for region in catalog.regions.map(\.code) {
                guard let regionCode = book.regions.firstIndex(of: region),
                    let cell = cells[group * regionCount + regionCode], cell.organisations.list.count >= k,
                    safe(cell.everyone.list.count - cell.organisations.list.count),
                    safe(cell.otherNeeds.list.count)
                else { continue }
                var byFormat: [String: Set<Int>] = [:]
                for (bit, organisations) in cell.formats.enumerated() where !organisations.list.isEmpty {
                    byFormat[book.formats[bit]] = Set(organisations.list)
                }
                parts.append(
                    DemandPart(
                        basis: .needs(group: groupCode, region: region), organisations: Set(cell.organisations.list),
                        people: cell.people, regions: [region], requesters: [:], groups: [groupCode],
                        formats: byFormat))
            }
        }
        return parts
    }

    /// Infrastructures (of the kinds `named` accepts) that at least K organisations asked to use,
    /// most named first, then in catalogue order.
    private func requestedInfrastructures(named accepts: (Infrastructure) -> Bool) -> [DemandPart] {
        var parts: [DemandPart] = []
        for infrastructure in catalog.infrastructures where accepts(infrastructure) {
            guard let byRegion = requested[infrastructure.code],
                !parts.contains(where: { $0.basis == .infrastructure(infrastructure.code) })
            else { continue }
            let organisations = byRegion.values.reduce(into: Set<Int>()) { $0.formUnion($1) }
            guard organisations.count >= k else { continue }
            parts.append(
                DemandPart(
                    basis: .infrastructure(infrastructure.code), organisations: organisations, people: 0,
                    regions: [], requesters: byRegion, groups: [], formats: [:]))
        }
        // Most named first; catalogue order among equals.
        return parts.enumerated().sorted {
            ($1.element.organisations.count, $0.offset) < ($0.element.organisations.count, $1.offset)
        }.map(\.element)
    }

    /// Research challenges shared by ≥ N regions with ≥ K organisations each (the analysis's rule).
    private func sharedChallenges() -> [DemandPart] {
        shared.map { entry in
            DemandPart(
                basis: .challenge(entry.challenge.challenge), organisations: entry.organisations, people: 0,
                regions: entry.challenge.regions.map(\.region), requesters: [:],
                groups: research.groups(of: entry.challenge.challenge), formats: [:])
        }
    }
}
