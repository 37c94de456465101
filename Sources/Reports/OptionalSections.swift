import Analysis

// Rows of the sections whose data other modules produce (gap analysis, service concepts,
// consortium candidates). Each row names the organisations behind it, so that the report can
// refuse a row built on fewer than K of them even if a producer forgot to.

/// Demand per year for a skill in a region against the places per year of the courses covering it.
package struct GapLine: Sendable, Hashable {
    package var skill: String
    /// A region code, or nil for the whole country.
    package var region: String?
    package var demandPerYear: Double
    package var capacityPerYear: Double
    /// demand − capacity per year (positive = too few places).
    package var gap: Double
    /// Distinct organisations behind the demand.
    package var organisations: Int
    /// The capacity rests on illustrative catalogue data.
    package var illustrative: Bool

    package init(
        skill: String, region: String?, demandPerYear: Double, capacityPerYear: Double, gap: Double,
        organisations: Int, illustrative: Bool
    ) {
        self.skill = skill
        self.region = region
        self.demandPerYear = demandPerYear
        self.capacityPerYear = capacityPerYear
        self.gap = gap
        self.organisations = organisations
        self.illustrative = illustrative
    }
}

extension GapLine {
    /// A row of `analyze gaps`: supply = the region's own places plus its share of online places.
    package init(_ row: GapRow) {
        self.init(
            skill: row.skill, region: row.region, demandPerYear: row.demandPerYear, capacityPerYear: row.supply,
            gap: row.gap, organisations: row.organisations, illustrative: row.illustrative)
    }
}

/// A proposed industrial service concept: a catalogue template where the data show demand.
package struct ServiceConceptLine: Sendable, Hashable {
    /// The template's code (`curricula/service-concepts.yaml`).
    package var concept: String
    package var regions: [String]
    /// Institution or infrastructure codes that could provide it, best first.
    package var providers: [String]
    /// Distinct organisations whose answers show demand for it.
    package var organisations: Int
    package var illustrative: Bool

    package init(concept: String, regions: [String], providers: [String], organisations: Int, illustrative: Bool) {
        self.concept = concept
        self.regions = regions
        self.providers = providers
        self.organisations = organisations
        self.illustrative = illustrative
    }
}

/// A shared research challenge with the partners who could form a consortium around it.
package struct ConsortiumLine: Sendable, Hashable {
    /// A term code of the catalogue's challenge vocabulary.
    package var challenge: String
    package var regions: [String]
    /// Distinct organisations naming the challenge.
    package var organisations: Int
    /// Institution codes, best placed first.
    package var partners: [String]
    /// A Horizon Europe consortium sketch (its national core; EU partners still to be found),
    /// rather than a national joint project.
    package var horizonEurope: Bool

    package init(
        challenge: String, regions: [String], organisations: Int, partners: [String], horizonEurope: Bool = false
    ) {
        self.challenge = challenge
        self.regions = regions
        self.organisations = organisations
        self.partners = partners
        self.horizonEurope = horizonEurope
    }
}
