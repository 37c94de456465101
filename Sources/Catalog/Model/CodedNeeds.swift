/// Needs as small integers: what a full scan streams from the store to the analysis, so that
/// aggregating ten million needs never builds ten million records with strings in them.
/// A code is an index into the codebook's list for that dimension (the store assigns them once,
/// in the order values first appear, and never reuses one).
package struct NeedCodebook: Sendable, Hashable {
    package var regions: [String]
    package var skills: [String]
    package var horizons: [String]
    package var sectors: [String]
    package var sizes: [String]
    package var rounds: [String]
    package var formats: [String]

    package init(
        regions: [String] = [], skills: [String] = [], horizons: [String] = [], sectors: [String] = [],
        sizes: [String] = [], rounds: [String] = [], formats: [String] = []
    ) {
        self.regions = regions
        self.skills = skills
        self.horizons = horizons
        self.sectors = sectors
        self.sizes = sizes
        self.rounds = rounds
        self.formats = formats
    }
}

/// What one response contributes besides its needs: who answered, in which round, as which
/// sector and size band (codes of the codebook).
package struct CodedResponse: Sendable, Hashable {
    /// The store's dense organisation id.
    package var organisation: Int
    package var round: Int32
    package var sector: Int32
    package var size: Int32

    package init(organisation: Int, round: Int32, sector: Int32, size: Int32) {
        self.organisation = organisation
        self.round = round
        self.sector = sector
        self.size = size
    }
}

/// One competence need, coded. `formats` is a bit set over the codebook's formats (bit i =
/// format code i); 0 means the need named none.
package struct CodedNeed: Sendable, Hashable {
    package var region: Int32
    package var skill: Int32
    package var horizon: Int32
    package var level: Int32
    package var priority: Int32
    package var people: Int32
    package var formats: UInt32

    package init(
        region: Int32, skill: Int32, horizon: Int32, level: Int32, priority: Int32, people: Int32, formats: UInt32
    ) {
        self.region = region
        self.skill = skill
        self.horizon = horizon
        self.level = level
        self.priority = priority
        self.people = people
        self.formats = formats
    }

    /// The widest format bit set a coded need carries.
    package static let maximumFormats = 32
}

/// Visits every current response with its needs. Responses of one organisation come one after
/// another, so that a consumer counts distinct organisations with a "last seen" stamp.
package typealias CodedNeedVisitor = (CodedResponse, [CodedNeed]) throws -> Void

/// Which cells a store keeps up to date on every write (the rollups), as the analysis defines
/// them: groupings over need attributes, and the catalogue's skill → skill-group mapping that
/// `skill-group` groupings depend on. A store rebuilds its rollups when the definition changes.
package struct RollupDefinition: Sendable, Hashable {
    /// Each grouping names the attributes it groups by: `region`, `skill`, `skill-group`,
    /// `horizon`; the empty grouping is the grand total.
    package var groupings: [[String]]
    package var skillGroups: [String: String]

    package init(groupings: [[String]], skillGroups: [String: String]) {
        self.groupings = groupings
        self.skillGroups = skillGroups
    }

    /// The attributes a rollup can group by.
    package static let attributes = ["region", "skill", "skill-group", "horizon"]
}

/// One maintained rollup cell: its grouping's values (attribute → value; an attribute the
/// grouping does not name is totalled), its distinct organisations, and people by horizon and
/// priority — from which people per year and the demand index follow with the catalogue's weights.
package struct RollupCell: Sendable, Hashable {
    package struct Demand: Sendable, Hashable {
        package var horizon: String
        package var priority: Int
        package var people: Int

        package init(horizon: String, priority: Int, people: Int) {
            self.horizon = horizon
            self.priority = priority
            self.people = people
        }
    }

    package var values: [String: String]
    package var organisations: Int
    package var demand: [Demand]

    package init(values: [String: String], organisations: Int, demand: [Demand]) {
        self.values = values
        self.organisations = organisations
        self.demand = demand
    }
}
