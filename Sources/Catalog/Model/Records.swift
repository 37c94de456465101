import Foundation

/// The records that flow between modules: what one organisation answered.

package struct Organisation: Sendable, Hashable, Codable {
    package var name: String
    package var businessId: String?
    package var region: String
    package var sector: String?
    package var size: String?
    package var roles: [String]

    package init(
        name: String, businessId: String? = nil, region: String, sector: String? = nil, size: String? = nil,
        roles: [String] = []
    ) {
        self.name = name
        self.businessId = businessId
        self.region = region
        self.sector = sector
        self.size = size
        self.roles = roles
    }

    /// The organisation's identity: its business ID when given, else its name and region,
    /// case- and space-insensitively.
    package var key: String {
        if let id = businessId?.trimmingCharacters(in: .whitespaces), !id.isEmpty {
            return "y:" + id.uppercased()
        }
        let words = name.lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        return "n:" + words + "|" + region
    }
}

package struct Need: Sendable, Hashable, Codable {
    package var skill: String
    package var level: Int
    package var region: String
    package var people: Int
    package var horizon: String
    package var priority: Int
    package var formats: [String]

    package init(
        skill: String, level: Int, region: String, people: Int, horizon: String, priority: Int, formats: [String]
    ) {
        self.skill = skill
        self.level = level
        self.region = region
        self.people = people
        self.horizon = horizon
        self.priority = priority
        self.formats = formats
    }
}

package struct Research: Sendable, Hashable, Codable {
    /// Interest codes (a vocabulary whose terms carry `consortium:` tags).
    package var interest: [String]
    package var challenges: [String]
    /// Free text: kept for the coordinator, never reported.
    package var text: String?
    package var infrastructures: [String]

    package init(
        interest: [String] = [], challenges: [String] = [], text: String? = nil, infrastructures: [String] = []
    ) {
        self.interest = interest
        self.challenges = challenges
        self.text = text
        self.infrastructures = infrastructures
    }
}

package struct Consent: Sendable, Hashable, Codable {
    package var publish: Bool
    package var contact: Bool
    package var planning: Bool
    /// The version of the consent text the organisation was shown.
    package var textVersion: String
    /// ISO 8601 time the consent was given.
    package var givenAt: String

    package init(publish: Bool, contact: Bool, planning: Bool, textVersion: String, givenAt: String) {
        self.publish = publish
        self.contact = contact
        self.planning = planning
        self.textVersion = textVersion
        self.givenAt = givenAt
    }
}

/// One answer as given: `key` is the question id, with the item number inside repeat groups
/// (`needs.2.skill`); `value` is the canonical code or text.
package struct Answer: Sendable, Hashable, Codable {
    package var key: String
    package var value: String

    package init(key: String, value: String) {
        self.key = key
        self.value = value
    }
}

/// A completed response: what the analysis, planner and reports consume.
package struct SurveyResponse: Sendable, Hashable, Codable {
    /// Stable id: an interview's UUID, or the id the import dialect provides.
    package var id: String
    package var survey: String
    package var round: String
    package var language: String
    package var organisation: Organisation
    package var needs: [Need]
    package var research: Research
    package var consent: Consent
    /// Generated data (the demo's), never to be mistaken for real answers.
    package var synthetic: Bool
    /// The answers as given, in order; empty when `answersDerived`.
    package var answers: [Answer]
    /// True when nobody gave the answers one by one (a needs CSV row per need): they are a pure
    /// function of the record, so they are not kept but derived when needed
    /// (`ResponseAssembler.editableAnswers(of:)`, e.g. for `survey edit`).
    package var answersDerived: Bool

    package init(
        id: String, survey: String, round: String, language: String, organisation: Organisation, needs: [Need],
        research: Research, consent: Consent, synthetic: Bool, answers: [Answer], answersDerived: Bool = false
    ) {
        self.id = id
        self.survey = survey
        self.round = round
        self.language = language
        self.organisation = organisation
        self.needs = needs
        self.research = research
        self.consent = consent
        self.synthetic = synthetic
        self.answers = answers
        self.answersDerived = answersDerived
    }
}

/// One competence need with what the analysis slices it by: the unit of aggregation.
/// `organisation` is a dense integer id (the store's), so that distinct counts stay cheap.
package struct NeedRecord: Sendable, Hashable {
    package var organisation: Int
    package var round: String
    package var region: String
    package var sector: String
    package var size: String
    package var skill: String
    package var group: String
    package var level: Int
    package var people: Int
    package var horizon: String
    package var priority: Int
    package var formats: [String]

    package init(
        organisation: Int, round: String, region: String, sector: String, size: String, skill: String,
        group: String, level: Int, people: Int, horizon: String, priority: Int, formats: [String]
    ) {
        self.organisation = organisation
        self.round = round
        self.region = region
        self.sector = sector
        self.size = size
        self.skill = skill
        self.group = group
        self.level = level
        self.people = people
        self.horizon = horizon
        self.priority = priority
        self.formats = formats
    }
}

/// A research challenge named by an organisation, for the shared-challenge analysis.
package struct ChallengeRecord: Sendable, Hashable {
    package var organisation: Int
    package var region: String
    package var challenge: String
    package var interest: [String]
    package var infrastructures: [String]

    package init(organisation: Int, region: String, challenge: String, interest: [String], infrastructures: [String]) {
        self.organisation = organisation
        self.region = region
        self.challenge = challenge
        self.interest = interest
        self.infrastructures = infrastructures
    }
}
