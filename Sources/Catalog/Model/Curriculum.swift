package enum InstitutionKind: String, Sendable, Hashable, CaseIterable {
    case university, uas, vocational, research, other
}

package struct Institution: Sendable, Hashable {
    package var code: String
    package var name: Localized
    package var kind: InstitutionKind
    package var region: String
    package var url: String
    package var verified: Bool

    package init(
        code: String, name: Localized, kind: InstitutionKind, region: String, url: String = "", verified: Bool = true
    ) {
        self.code = code
        self.name = name
        self.kind = kind
        self.region = region
        self.url = url
        self.verified = verified
    }
}

package enum Delivery: String, Sendable, Hashable, CaseIterable {
    case contact, online, blended
}

/// A (skill, level) pair: what a course teaches or what a need asks for.
package struct SkillLevel: Sendable, Hashable, Comparable {
    package var skill: String
    package var level: Int

    package init(_ skill: String, _ level: Int) {
        self.skill = skill
        self.level = level
    }

    package static func < (a: SkillLevel, b: SkillLevel) -> Bool {
        (a.skill, a.level) < (b.skill, b.level)
    }
}

package struct Course: Sendable, Hashable {
    package var code: String
    package var institution: String
    package var name: Localized
    /// Campus region; defaults to the institution's region.
    package var region: String
    package var credits: Double
    package var unit: String
    package var languages: [String]
    package var delivery: Delivery
    /// Places per year.
    package var capacity: Int
    package var skills: [SkillLevel]
    package var prerequisites: [String]
    /// True for an invented offering: figures built on it are flagged in reports.
    package var illustrative: Bool
    package var url: String

    package init(
        code: String, institution: String, name: Localized, region: String, credits: Double, unit: String,
        languages: [String], delivery: Delivery, capacity: Int, skills: [SkillLevel], prerequisites: [String],
        illustrative: Bool, url: String = ""
    ) {
        self.code = code
        self.institution = institution
        self.name = name
        self.region = region
        self.credits = credits
        self.unit = unit
        self.languages = languages
        self.delivery = delivery
        self.capacity = capacity
        self.skills = skills
        self.prerequisites = prerequisites
        self.illustrative = illustrative
        self.url = url
    }

    /// Does the course bring a learner to at least `need.level` in `need.skill`?
    package func covers(_ need: SkillLevel) -> Bool {
        skills.contains { $0.skill == need.skill && $0.level >= need.level }
    }
}

package struct Infrastructure: Sendable, Hashable {
    package var code: String
    package var name: Localized
    /// An institution code when the owner is in the catalogue, else the owner's name.
    package var owner: String
    package var region: String
    /// e.g. lab, pilot-plant, test-environment, data.
    package var kind: String
    package var skills: [String]
    package var verified: Bool

    package init(
        code: String, name: Localized, owner: String, region: String, kind: String, skills: [String],
        verified: Bool
    ) {
        self.code = code
        self.name = name
        self.owner = owner
        self.region = region
        self.kind = kind
        self.skills = skills
        self.verified = verified
    }
}

/// A kind of industrial service the partners could offer, instantiated where the data supports it.
package struct ServiceConceptTemplate: Sendable, Hashable {
    package var code: String
    package var name: Localized
    package var description: Localized
    /// Training formats (vocabulary codes) whose demand this concept answers.
    package var formats: [String]
    /// Infrastructure kinds that can provide it.
    package var infrastructureKinds: [String]
    /// Institution kinds that can provide it.
    package var institutionKinds: [InstitutionKind]
    /// Whether respondents' infrastructure requests count as demand for it.
    package var answersInfrastructureRequests: Bool
    /// Whether shared research challenges count as demand for it.
    package var answersChallenges: Bool

    package init(
        code: String, name: Localized, description: Localized, formats: [String], infrastructureKinds: [String],
        institutionKinds: [InstitutionKind], answersInfrastructureRequests: Bool, answersChallenges: Bool
    ) {
        self.code = code
        self.name = name
        self.description = description
        self.formats = formats
        self.infrastructureKinds = infrastructureKinds
        self.institutionKinds = institutionKinds
        self.answersInfrastructureRequests = answersInfrastructureRequests
        self.answersChallenges = answersChallenges
    }
}
