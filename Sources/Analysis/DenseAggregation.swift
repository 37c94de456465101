import Catalog

/// The sums of one cell of a needs table.
struct CellSums: Sendable, Hashable {
    var people = 0
    var perYear = 0.0
    var index = 0.0
    var respondents = 0
}

/// What a scan aggregated: for each dimension the values seen (in slot order) and the sums of
/// every cell and margin, addressed by one slot per dimension (nil = the margin).
struct Aggregate {
    var dimensions: [Dimension]
    var axes: [[String]]
    var observed: [[Bool]]
    var organisations: Int
    var lookup: ([Int?]) -> CellSums?
}

/// One pass over coded needs into dense arrays: each need adds to its cell and to every margin
/// of it (2^d cells for d dimensions); distinct organisations are counted with a stamp per cell,
/// which works because a scan delivers an organisation's responses one after another.
struct DenseAggregation {
    private struct Axis {
        var values: [String]
        /// code → slot (−1: filtered out), for dimensions read from a code.
        var slots: [Int32]
        var isPerResponse: Bool
    }

    let catalog: Catalog
    let codebook: NeedCodebook
    let query: NeedsQuery

    /// Above this many cells (cells and margins together) the sums live in a dictionary.
    static let denseLimit = 1 << 22

    func run(_ scan: (CodedNeedVisitor) throws -> Void) throws -> Aggregate {
        var extra: [Int] = []
        while true {
            var unknown = Set<Int>()
            let aggregate = try run(scan, extraLevels: extra, unknownLevels: &unknown)
            // A level outside the catalogue's scale gets its own slot: scan again with it.
            guard !unknown.isEmpty else { return aggregate }
            extra += unknown.sorted()
        }
    }

    private func run(
        _ scan: (CodedNeedVisitor) throws -> Void, extraLevels: [Int], unknownLevels: inout Set<Int>
    ) throws -> Aggregate {
        let settings = catalog.settings
        let dimensions = query.by
        let count = dimensions.count
        // Per-code weights: people per year and the demand index need no string lookups per need.
        let years = codebook.horizons.map { settings.horizon($0)?.years ?? 1 }
        let horizonWeights = codebook.horizons.map { settings.horizon($0)?.weight ?? 1 }
        let priorityWeights = (0...255).map { settings.priorityWeights[$0] ?? 1 }
        let groups = codebook.skills.map { catalog.skill($0)?.group ?? "" }
        var groupValues: [String] = []
        var groupSlot: [Int32] = []
        for group in groups {
            if let slot = groupValues.firstIndex(of: group) {
                groupSlot.append(Int32(slot))
            } else {
                groupSlot.append(Int32(groupValues.count))
                groupValues.append(group)
            }
        }
        let levelValues = levelAxis() + extraLevels
        let levelUsed = dimensions.contains(.level) || query.filters[.level] != nil
        var formatValues = codebook.formats
        let noFormat = Int32(formatValues.firstIndex(of: "") ?? formatValues.count)
        if Int(noFormat) == formatValues.count { formatValues.append("") }

        func values(_ dimension: Dimension) -> [String] {
            switch dimension {
            case .region: codebook.regions
            case .skill: codebook.skills
            case .skillGroup: groupValues
            case .horizon: codebook.horizons
            case .level: levelValues.map(String.init)
            case .sector: codebook.sectors
            case .size: codebook.sizes
            case .format: formatValues
            case .round: codebook.rounds
            }
        }
        /// Whether each value of a dimension passes the filters.
        func allowed(_ dimension: Dimension) -> [Bool] {
            let list = values(dimension)
            guard let filter = query.filters[dimension] else { return Array(repeating: true, count: list.count) }
            return list.map(filter.contains)
        }
        let filtered = Dimension.allCases.filter { query.filters[$0] != nil }
        let allow = Dictionary(uniqueKeysWithValues: Dimension.allCases.map { ($0, allowed($0)) })
        let axes = dimensions.map(values)
        var strides = [Int](repeating: 1, count: count)
        var total = 1
        for position in 0..<count {
            strides[position] = total
            total *= axes[position].count + 1
        }
        let sums = CellStore(cells: total, dense: total <= Self.denseLimit)
        var observed = axes.map { [Bool](repeating: false, count: $0.count) }
        var organisations = 0
        var lastOrganisation = Int.min
        var organisationCounted = false
        var slots = [Int](repeating: 0, count: count)
        var formatSlots: [Int] = []
        // Level → slot through an array (a dictionary lookup per need would cost more than the rest).
        let maximumLevel = max(0, levelValues.max() ?? 0)
        var levelSlots = [Int](repeating: -1, count: maximumLevel + 1)
        for (slot, level) in levelValues.enumerated() where level >= 0 { levelSlots[level] = slot }
        let formatDimension = dimensions.firstIndex(of: .format)
        let margins = dimensions.indices.map { axes[$0].count * strides[$0] }

        try scan { response, needs in
            if response.organisation != lastOrganisation {
                lastOrganisation = response.organisation
                sums.stamp &+= 1
                organisationCounted = false
            }
            let round = Int(response.round)
            let sector = Int(response.sector)
            let size = Int(response.size)
            if (allow[.round]?[round] ?? true) == false || (allow[.sector]?[sector] ?? true) == false
                || (allow[.size]?[size] ?? true) == false
            {
                return
            }
            for need in needs {
                let region = Int(need.region)
                let skill = Int(need.skill)
                let horizon = Int(need.horizon)
                let group = Int(groupSlot[skill])
                let rank = Int(need.level)
                let level = rank >= 0 && rank <= maximumLevel ? levelSlots[rank] : -1
                if level < 0 && levelUsed {
                    unknownLevels.insert(rank)
                    continue
                }
                var passes = true
                for dimension in filtered {
                    switch dimension {
                    case .region: passes = allow[.region]?[region] ?? true
                    case .skill: passes = allow[.skill]?[skill] ?? true
                    case .skillGroup: passes = allow[.skillGroup]?[group] ?? true
                    case .horizon: passes = allow[.horizon]?[horizon] ?? true
                    case .level: passes = allow[.level]?[level] ?? true
                    case .format:
                        let mask = need.formats
                        let formats = allow[.format] ?? []
                        passes =
                            mask == 0
                            ? formats[Int(noFormat)]
                            : (0..<min(formats.count, CodedNeed.maximumFormats)).contains {
                                mask & (1 << UInt32($0)) != 0 && formats[$0]
                            }
                    case .round, .sector, .size: break
                    }
                    if !passes { break }
                }
                guard passes else { continue }
                if !organisationCounted {
                    organisations += 1
                    organisationCounted = true
                }
                for (position, dimension) in dimensions.enumerated() {
                    let slot: Int
                    switch dimension {
                    case .region: slot = region
                    case .skill: slot = skill
                    case .skillGroup: slot = group
                    case .horizon: slot = horizon
                    case .level: slot = level
                    case .sector: slot = sector
                    case .size: slot = size
                    case .round: slot = round
                    case .format:
                        formatSlots.removeAll(keepingCapacity: true)
                        if need.formats == 0 {
                            formatSlots.append(Int(noFormat))
                        } else {
                            for bit in 0..<CodedNeed.maximumFormats where need.formats & (1 << UInt32(bit)) != 0 {
                                formatSlots.append(bit)
                            }
                        }
                        for format in formatSlots { observed[position][format] = true }
                        slot = formatSlots[0]
                    }
                    if !observed[position][slot] { observed[position][slot] = true }
                    slots[position] = slot * strides[position]
                }
                let people = Int(need.people)
                let yearly = Double(need.people) / years[horizon]
                let weighted =
                    Double(need.people) * horizonWeights[horizon] * priorityWeights[Int(need.priority) & 0xFF]
                for mask in 0..<(1 << count) {
                    var cell = 0
                    for position in 0..<count {
                        cell += mask & (1 << position) != 0 ? margins[position] : slots[position]
                    }
                    if let formatDimension, mask & (1 << formatDimension) == 0 {
                        // One cell per format the need names (the margin over formats counts it once).
                        let base = cell - slots[formatDimension]
                        for format in formatSlots {
                            sums.add(base + format * strides[formatDimension], people, yearly, weighted)
                        }
                    } else {
                        sums.add(cell, people, yearly, weighted)
                    }
                }
            }
        }
        let finalStrides = strides
        let finalAxes = axes
        let lookup: ([Int?]) -> CellSums? = { keys in
            var cell = 0
            for (position, key) in keys.enumerated() {
                cell += (key ?? finalAxes[position].count) * finalStrides[position]
            }
            return sums.sums(cell)
        }
        return Aggregate(
            dimensions: dimensions, axes: axes, observed: observed, organisations: organisations, lookup: lookup)
    }

    /// The level ranks of the catalogue's scale.
    private func levelAxis() -> [Int] {
        let ranks = catalog.levels.map(\.rank)
        return ranks.isEmpty ? [0] : ranks
    }
}

/// The sums of every cell: flat buffers indexed by cell (or a dictionary when the grid is too
/// large), and the stamp of the organisation being read, so that each cell counts it once.
private final class CellStore: @unchecked Sendable {
    private let dense: Bool
    private let people: UnsafeMutableBufferPointer<Int>
    private let perYear: UnsafeMutableBufferPointer<Double>
    private let index: UnsafeMutableBufferPointer<Double>
    private let respondents: UnsafeMutableBufferPointer<Int32>
    private let stamps: UnsafeMutableBufferPointer<Int32>
    private var sparse: [Int: CellSums] = [:]
    private var sparseStamps: [Int: Int32] = [:]
    var stamp: Int32 = -1

    init(cells: Int, dense: Bool) {
        self.dense = dense
        let size = dense ? cells : 0
        people = .allocate(capacity: size)
        people.initialize(repeating: 0)
        perYear = .allocate(capacity: size)
        perYear.initialize(repeating: 0)
        index = .allocate(capacity: size)
        index.initialize(repeating: 0)
        respondents = .allocate(capacity: size)
        respondents.initialize(repeating: 0)
        stamps = .allocate(capacity: size)
        stamps.initialize(repeating: -1)
    }

    deinit {
        people.deallocate()
        perYear.deallocate()
        index.deallocate()
        respondents.deallocate()
        stamps.deallocate()
    }

    @inline(__always)
    func add(_ cell: Int, _ count: Int, _ yearly: Double, _ weighted: Double) {
        if dense {
            people[cell] += count
            perYear[cell] += yearly
            index[cell] += weighted
            if stamps[cell] != stamp {
                stamps[cell] = stamp
                respondents[cell] += 1
            }
        } else {
            var sums = sparse[cell] ?? CellSums()
            sums.people += count
            sums.perYear += yearly
            sums.index += weighted
            if sparseStamps[cell] != stamp {
                sparseStamps[cell] = stamp
                sums.respondents += 1
            }
            sparse[cell] = sums
        }
    }

    func sums(_ cell: Int) -> CellSums? {
        guard dense else { return sparse[cell] }
        guard respondents[cell] > 0 else { return nil }
        return CellSums(
            people: people[cell], perYear: perYear[cell], index: index[cell], respondents: Int(respondents[cell]))
    }
}
