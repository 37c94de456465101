/// What a service concept answers: one piece of demand, each resting on at least K organisations.
package enum ServiceBasis: Sendable, Hashable {
    /// A skill group × region cell whose needs prefer one of the template's training formats.
    case needs(group: String, region: String)
    /// A research infrastructure (of the template's types) that respondents asked to use.
    case infrastructure(String)
    /// A research challenge shared by at least N regions.
    case challenge(String)
}

/// One piece of a concept's demand with its distinct organisations (always ≥ K). `organisations`
/// is nil when the parts overlap so little that their counts would reveal a small overlap
/// (see `OverlapRule`).
package struct ServiceDemand: Sendable, Hashable {
    package var basis: ServiceBasis
    package var organisations: Int?
    /// People behind a needs cell (0 for infrastructure requests and challenges, which name none).
    package var people: Int

    package init(basis: ServiceBasis, organisations: Int?, people: Int) {
        self.basis = basis
        self.organisations = organisations
        self.people = people
    }
}

/// A training format the concept's demand prefers, with the organisations preferring it (≥ K);
/// nil when the count is hidden by the overlap rule.
package struct FormatPreference: Sendable, Hashable {
    package var format: String
    package var organisations: Int?

    package init(format: String, organisations: Int?) {
        self.format = format
        self.organisations = organisations
    }
}

/// An institution or infrastructure that could provide a concept.
package struct ServiceProvider: Sendable, Hashable {
    package enum Kind: String, Sendable, Hashable {
        case institution, infrastructure
    }

    package var kind: Kind
    package var code: String
    /// Where it provides: the demand region it teaches in, else its home region.
    package var region: String
    /// Demand regions it was chosen for (it is local to them, or the nearest to them).
    package var serves: [String]
    /// Distinct skills of the needed skill groups it teaches (an institution) or supports (an
    /// infrastructure); 0 for a requested infrastructure outside those groups.
    package var skills: Int
    /// Respondents named it (a requested infrastructure, or the owner of one).
    package var requested: Bool
    /// The match rests only on illustrative (invented) course offerings.
    package var illustrative: Bool
    /// The catalogue marks the entry unverified.
    package var unverified: Bool
}

/// A catalogue template instantiated where the data supports it.
package struct ServiceConcept: Sendable, Hashable {
    /// The template's code (`curricula/service-concepts.yaml`).
    package var template: String
    /// 1 = the most demand covered.
    package var rank: Int
    /// What it answers, needs cells first (groups and regions in catalogue order), then
    /// infrastructures (most named first), then challenges.
    package var demand: [ServiceDemand]
    /// Distinct organisations behind all of it (≥ K).
    package var organisations: Int
    /// People behind its needs cells.
    package var people: Int
    /// Regions of the demand (each resting on ≥ K organisations), in catalogue order.
    package var regions: [String]
    /// Skill groups the providers were matched on.
    package var groups: [String]
    package var formats: [FormatPreference]
    /// Best first, grouped by region in catalogue order.
    package var providers: [ServiceProvider]

    /// Some provider rests only on illustrative offerings or is unverified.
    package var restsOnIllustrativeData: Bool { providers.contains { $0.illustrative || $0.unverified } }
}

/// Why the data do not support a template.
package enum ServiceShortfall: Sendable, Hashable {
    /// The template names no demand at all (no formats, no infrastructure requests, no challenges).
    case declaresNoDemand
    /// No skill group × region cell has ≥ K organisations preferring one of these formats.
    case noNeedsCell(formats: [String])
    /// No infrastructure of these types was named by ≥ K organisations; `otherTypes` lists
    /// infrastructures that were, but are of types the template does not use.
    case noInfrastructureRequest(types: [String], otherTypes: [String])
    /// No research challenge is named in ≥ N regions by ≥ K organisations each.
    case noSharedChallenge
}

/// A template listed, not instantiated, with why.
package struct UnsupportedService: Sendable, Hashable {
    package var template: String
    package var shortfalls: [ServiceShortfall]
}

/// `osaava plan services`: the concepts, ranked, and the templates the data do not support.
package struct ServicePlan: Sendable, Hashable {
    package var concepts: [ServiceConcept]
    package var unsupported: [UnsupportedService]
    /// K and N as applied.
    package var minRespondents: Int
    package var sharedRegions: Int
}
