/// A count of interested organisations as it may be published.
package enum InterestCount: Sendable, Hashable {
    /// At least K organisations.
    case count(Int)
    /// Nobody expressed that interest.
    case none
    /// Between 1 and K − 1, or so many that the rest would number between 1 and K − 1.
    case suppressed

    /// From the analysis's published count (nil = suppressed).
    init(_ published: Int?) {
        switch published {
        case .none: self = .suppressed
        case .some(0): self = .none
        case .some(let count): self = .count(count)
        }
    }

    /// The count when it is published and at least K, else 0 (so that ranking never uses a hidden value).
    package var published: Int {
        if case .count(let count) = self { return count }
        return 0
    }
}

/// An institution proposed as a partner, with what makes it match the challenge.
package struct ConsortiumPartner: Sendable, Hashable {
    package var institution: String
    package var region: String
    /// Distinct skills of the challenge's skill groups it teaches or its infrastructures support.
    package var skills: Int
    /// Of those, the challenge's key skills (its `skills:` tag).
    package var keySkills: Int
    /// Its infrastructures supporting those groups, in catalogue order.
    package var infrastructures: [String]
    /// The match rests only on illustrative (invented) course offerings.
    package var illustrative: Bool
    /// The catalogue marks the institution unverified.
    package var unverified: Bool
}

/// What keeps a national proposal from being complete.
package enum NationalShortfall: Sendable, Hashable {
    /// The catalogue's matching institutions come from fewer than N project regions.
    case partnersInFewerRegions(have: Int, need: Int)
    /// Fewer than K organisations (or a hidden number) said they are interested in a national project.
    case interestNotShown(InterestCount)
}

/// A national joint-project proposal around a research challenge shared by ≥ N regions.
package struct NationalProposal: Sendable, Hashable {
    package var challenge: String
    /// 1 = the strongest proposal.
    package var rank: Int
    /// Among the top `ConsortiumPlan.candidatesWanted` with at least K interested organisations.
    package var candidate: Bool
    /// The challenge's regions (each with ≥ K organisations naming it) and their counts.
    package var regions: [RegionOrganisations]
    /// Distinct organisations naming the challenge in those regions.
    package var organisations: Int
    /// Of them, interested in a national joint project.
    package var interested: InterestCount
    /// Skill groups the challenge needs (catalogue tags).
    package var groups: [String]
    /// Best match first.
    package var partners: [ConsortiumPartner]
    /// Project regions the partners come from (the catch-all region not counted), catalogue order.
    package var partnerRegions: [String]
    /// Infrastructures at least K of the organisations said they need, most named first.
    package var neededInfrastructures: [InfrastructureNeed]
    /// Catalogue infrastructures supporting the challenge's skills, best match first.
    package var matchingInfrastructures: [String]
    package var shortfalls: [NationalShortfall]
}

/// A region of a challenge with the organisations naming it there (≥ K).
package struct RegionOrganisations: Sendable, Hashable {
    package var region: String
    package var organisations: Int
}

/// An infrastructure named by ≥ K of a challenge's organisations.
package struct InfrastructureNeed: Sendable, Hashable {
    package var infrastructure: String
    package var organisations: Int
}

/// What an EU consortium needs that the survey and the catalogue cannot supply.
package enum EULack: Sendable, Hashable {
    /// Horizon Europe collaborative actions need at least `required` independent partners from as
    /// many different EU member states or associated countries; the catalogue holds institutions
    /// of the lead project's own country only, so Osaava proposes none from elsewhere.
    case partnersFromOtherCountries(required: Int)
    /// Who coordinates is the partners' decision.
    case coordinator
    /// A call topic that fits the challenge, and its deadline.
    case callTopic
    /// The interested companies by name: the survey gives only their number.
    case namedCompanies
}

/// A Horizon Europe consortium sketch: the national core plus what is still missing.
package struct HorizonSketch: Sendable, Hashable {
    package var challenge: String
    package var rank: Int
    package var candidate: Bool
    /// Organisations interested in a Horizon Europe consortium (≥ K).
    package var interested: Int
    package var organisations: Int
    package var regions: [String]
    /// The national partners: the consortium's core from the lead project's country.
    package var partners: [ConsortiumPartner]
    /// Always holds `partnersFromOtherCountries` first.
    package var lacks: [EULack]
}

/// A shared challenge without a Horizon Europe sketch, with the interest that was found.
package struct NoHorizonSketch: Sendable, Hashable {
    package var challenge: String
    package var interested: InterestCount

    package init(challenge: String, interested: InterestCount) {
        self.challenge = challenge
        self.interested = interested
    }
}

/// `osaava plan consortia`.
package struct ConsortiumPlan: Sendable, Hashable {
    package var national: [NationalProposal]
    package var horizon: [HorizonSketch]
    package var withoutHorizon: [NoHorizonSketch]
    package var minRespondents: Int
    package var sharedRegions: Int
    /// How many of each kind the lead project is to prepare at most (1–2), marked as candidates.
    package static let candidatesWanted = 2
    /// Horizon Europe's minimum of partner countries for a collaborative action.
    package static let euCountriesRequired = 3
}
