/// The thresholds and weights of a lead project: everything DESIGN.md calls "a catalogue setting".
package struct Settings: Sendable, Hashable {
    /// Languages every text must have, the first being the default.
    package var languages: [String]
    /// K: a published cell needs at least this many distinct organisations.
    package var minRespondents: Int
    /// N: a need or challenge is "shared" when it appears in at least this many regions.
    package var sharedRegions: Int
    /// The region code for needs outside the catalogue's regions.
    package var otherRegion: String
    package var peopleRange: ClosedRange<Int>
    package var priorityRange: ClosedRange<Int>
    /// Weight of each priority in the demand index, keyed by priority.
    package var priorityWeights: [Int: Double]
    package var horizons: [Horizon]
    package var creditUnits: [CreditUnit]
    /// The credit unit all totals are expressed in (e.g. "ects").
    package var baseCreditUnit: String
    /// Largest number of base credits in one term of a learner path.
    package var termCredits: Double

    package var defaultLanguage: String { languages.first ?? "en" }

    package func horizon(_ code: String) -> Horizon? {
        horizons.first { $0.code == code }
    }

    package func creditUnit(_ code: String) -> CreditUnit? {
        creditUnits.first { $0.code == code }
    }

    package init(
        languages: [String], minRespondents: Int, sharedRegions: Int, otherRegion: String,
        peopleRange: ClosedRange<Int>, priorityRange: ClosedRange<Int>, priorityWeights: [Int: Double],
        horizons: [Horizon], creditUnits: [CreditUnit], baseCreditUnit: String, termCredits: Double
    ) {
        self.languages = languages
        self.minRespondents = minRespondents
        self.sharedRegions = sharedRegions
        self.otherRegion = otherRegion
        self.peopleRange = peopleRange
        self.priorityRange = priorityRange
        self.priorityWeights = priorityWeights
        self.horizons = horizons
        self.creditUnits = creditUnits
        self.baseCreditUnit = baseCreditUnit
        self.termCredits = termCredits
    }
}

/// When a need arises: its span in years turns people over the horizon into people per year.
package struct Horizon: Sendable, Hashable {
    package var code: String
    package var years: Double
    package var weight: Double
    package var name: Localized

    package init(code: String, years: Double, weight: Double, name: Localized) {
        self.code = code
        self.years = years
        self.weight = weight
        self.name = name
    }
}

/// A unit of study credits and its conversion to the base unit.
package struct CreditUnit: Sendable, Hashable {
    package var code: String
    /// How many base-unit credits one credit of this unit is worth.
    package var toBase: Double
    package var name: Localized

    package init(code: String, toBase: Double, name: Localized) {
        self.code = code
        self.toBase = toBase
        self.name = name
    }
}
