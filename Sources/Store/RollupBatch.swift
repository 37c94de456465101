import Catalog
import GRDB

/// Adds responses to the rollups for a few array operations per need, gathered over a whole
/// write batch (an import of millions of needs) and turned into a `RollupDelta` at its end.
///
/// `RollupDelta.apply` does, per need, one set insertion and one dictionary update for every
/// maintained grouping (ten): that cost more than writing the need. Here people are summed in a
/// dense array over (region, skill, horizon, priority) — the rollups' finest key — and spread
/// to the groupings' cells once, at the end; an organisation is counted in a cell with a dense
/// per-grouping stamp (the cell was already counted for this response, or is held by one of the
/// organisation's other current responses), the same rule as `RollupDelta.apply`.
struct RollupBatch {
    /// How many codes of each attribute the arrays hold; grown, after flushing, when one does not fit.
    private struct Capacity: Equatable {
        var region = 8
        var skill = 8
        var group = 8
        var horizon = 4
        var priority = 8

        func fits(_ other: Capacity) -> Bool {
            other.region <= region && other.skill <= skill && other.group <= group && other.horizon <= horizon
                && other.priority <= priority
        }
    }

    /// A grouping's place in the flat arrays: its offset and the stride of each attribute (0 when
    /// the grouping does not have it).
    private struct Layout {
        var offset = 0
        var size = 1
        var region = 0
        var skill = 0
        var group = 0
        var horizon = 0
    }

    private var capacity = Capacity()
    private var layouts: [Layout] = []
    private var stamps: [Int32] = []
    private var counts: [Int32] = []
    private var people: [Int] = []
    private var serial: Int32 = 0
    private var skillGroups: [Int32] = []
    private(set) var isEmpty = true

    /// Adds one response of an organisation whose other current responses are `others`. `delta`
    /// takes what was gathered when the arrays must grow, and the rare response the arrays cannot
    /// hold (a negative code), added the per-need way.
    mutating func add(
        _ db: Database, _ codes: NeedCodes, _ plan: inout RollupPlan, _ packed: PackedResponse,
        others: [PackedResponse], overflow delta: inout RollupDelta
    ) throws {
        var needed = Capacity(region: 0, skill: 0, group: 0, horizon: 0, priority: 0)
        var fits = true
        func widen(_ need: CodedNeed) throws {
            fits = fits && need.region >= 0 && need.skill >= 0 && need.horizon >= 0 && need.priority >= 0
            let group = try self.group(db, codes, &plan, need.skill)
            needed.region = max(needed.region, Int(need.region) + 1)
            needed.skill = max(needed.skill, Int(need.skill) + 1)
            needed.group = max(needed.group, Int(group) + 1)
            needed.horizon = max(needed.horizon, Int(need.horizon) + 1)
            needed.priority = max(needed.priority, Int(need.priority) + 1)
        }
        for other in others { for need in other.needs { try widen(need) } }
        for need in packed.needs { try widen(need) }
        guard fits else {
            try delta.apply(db, codes, &plan, packed, others: others, sign: 1)
            return
        }
        if layouts.isEmpty || !capacity.fits(needed) {
            var grown = capacity
            grown.region = max(grown.region, needed.region * 2)
            grown.skill = max(grown.skill, needed.skill * 2)
            grown.group = max(grown.group, needed.group * 2)
            grown.horizon = max(grown.horizon, needed.horizon * 2)
            grown.priority = max(grown.priority, needed.priority * 2)
            relayout(plan, grown, into: &delta)
        }
        serial &+= 1
        let serial = self.serial
        let layouts = self.layouts
        let capacity = self.capacity
        stamps.withUnsafeMutableBufferPointer { stamps in
            for other in others {
                for need in other.needs {
                    let group = Int(skillGroups[Int(need.skill)])
                    for layout in layouts {
                        stamps[Self.index(layout, need, group)] = serial
                    }
                }
            }
            counts.withUnsafeMutableBufferPointer { counts in
                people.withUnsafeMutableBufferPointer { people in
                    for need in packed.needs {
                        let group = Int(skillGroups[Int(need.skill)])
                        let finest =
                            ((Int(need.region) * capacity.skill + Int(need.skill)) * capacity.horizon
                                + Int(need.horizon)) * capacity.priority + Int(need.priority)
                        people[finest] += Int(need.people)
                        for layout in layouts {
                            let index = Self.index(layout, need, group)
                            if stamps[index] != serial {
                                stamps[index] = serial
                                counts[index] += 1
                            }
                        }
                    }
                }
            }
        }
        isEmpty = false
    }

    /// Moves what was gathered into `delta` (as cells of the plan's groupings) and empties the batch.
    mutating func flush(into delta: inout RollupDelta, _ plan: RollupPlan) {
        guard !isEmpty else { return }
        var values: [Int32] = []
        for (grouping, layout) in layouts.enumerated() {
            let attributes = plan.groupings[grouping]
            for local in 0..<layout.size where counts[layout.offset + local] != 0 {
                values.removeAll(keepingCapacity: true)
                for attribute in attributes {
                    switch attribute {
                    case .region: values.append(Int32(local / layout.region % capacity.region))
                    case .skill: values.append(Int32(local / layout.skill % capacity.skill))
                    case .skillGroup: values.append(Int32(local / layout.group % capacity.group))
                    case .horizon: values.append(Int32(local / layout.horizon % capacity.horizon))
                    }
                }
                delta.organisations[RollupPlan.cell(grouping: grouping, values), default: 0] += Int(
                    counts[layout.offset + local])
            }
        }
        for finest in people.indices where people[finest] != 0 {
            let priority = finest % capacity.priority
            let horizon = finest / capacity.priority % capacity.horizon
            let skill = finest / (capacity.priority * capacity.horizon) % capacity.skill
            let region = finest / (capacity.priority * capacity.horizon * capacity.skill)
            let group = skillGroups[skill]
            for (grouping, attributes) in plan.groupings.enumerated() {
                values.removeAll(keepingCapacity: true)
                for attribute in attributes {
                    switch attribute {
                    case .region: values.append(Int32(region))
                    case .skill: values.append(Int32(skill))
                    case .skillGroup: values.append(group)
                    case .horizon: values.append(Int32(horizon))
                    }
                }
                let key = RollupDelta.PeopleKey(
                    cell: RollupPlan.cell(grouping: grouping, values), horizon: Int32(horizon),
                    priority: Int32(priority))
                delta.people[key, default: 0] += people[finest]
            }
        }
        for index in counts.indices { counts[index] = 0 }
        for index in people.indices { people[index] = 0 }
        isEmpty = true
    }

    @inline(__always) private static func index(_ layout: Layout, _ need: CodedNeed, _ group: Int) -> Int {
        layout.offset + Int(need.region) * layout.region + Int(need.skill) * layout.skill + group * layout.group
            + Int(need.horizon) * layout.horizon
    }

    /// The skill-group code of a skill code (the plan assigns group codes on first sight).
    private mutating func group(_ db: Database, _ codes: NeedCodes, _ plan: inout RollupPlan, _ skill: Int32) throws
        -> Int32
    {
        let index = Int(skill)
        while skillGroups.count <= index {
            skillGroups.append(try plan.group(db, codes, skill: Int32(skillGroups.count)))
        }
        return skillGroups[index]
    }

    /// New capacities: what was gathered moves to `delta` first, so the arrays start empty.
    private mutating func relayout(_ plan: RollupPlan, _ grown: Capacity, into delta: inout RollupDelta) {
        flush(into: &delta, plan)
        capacity = grown
        layouts = []
        var offset = 0
        for attributes in plan.groupings {
            var layout = Layout(offset: offset)
            var stride = 1
            for attribute in attributes.reversed() {
                switch attribute {
                case .region:
                    layout.region = stride
                    stride *= grown.region
                case .skill:
                    layout.skill = stride
                    stride *= grown.skill
                case .skillGroup:
                    layout.group = stride
                    stride *= grown.group
                case .horizon:
                    layout.horizon = stride
                    stride *= grown.horizon
                }
            }
            layout.size = stride
            layouts.append(layout)
            offset += stride
        }
        stamps = [Int32](repeating: 0, count: offset)
        counts = [Int32](repeating: 0, count: offset)
        people = [Int](repeating: 0, count: grown.region * grown.skill * grown.horizon * grown.priority)
        serial = 0
    }
}
