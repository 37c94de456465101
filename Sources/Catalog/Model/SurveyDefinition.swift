/// What an answer means to Osaava. Questions without a field are kept as answers only.
package enum Field: String, Sendable, Hashable, CaseIterable {
    case organisationName = "organisation.name"
    case organisationBusinessId = "organisation.businessId"
    case organisationRegion = "organisation.region"
    case organisationSector = "organisation.sector"
    case organisationSize = "organisation.size"
    case organisationRoles = "organisation.roles"
    case needSkill = "need.skill"
    case needLevel = "need.level"
    case needRegion = "need.region"
    case needPeople = "need.people"
    case needHorizon = "need.horizon"
    case needPriority = "need.priority"
    case needFormats = "need.formats"
    case researchInterest = "research.interest"
    case researchChallenges = "research.challenges"
    case researchText = "research.text"
    case researchInfrastructures = "research.infrastructures"
    case consentPublish = "consent.publish"
    case consentContact = "consent.contact"
    case consentPlanning = "consent.planning"

    /// Fields that belong inside the repeat group of competence needs.
    package var isNeedField: Bool { rawValue.hasPrefix("need.") }
}

package enum QuestionKind: String, Sendable, Hashable, CaseIterable {
    case text, integer, choice, multi, yesno, skill, level
}

/// Ask a question only when an earlier answer has (or has not) one of the given codes.
package struct Condition: Sendable, Hashable {
    package var question: String
    package var values: [String]
    /// true: ask when the answer is none of `values`.
    package var negated: Bool

    package init(question: String, values: [String], negated: Bool) {
        self.question = question
        self.values = values
        self.negated = negated
    }
}

package struct Question: Sendable, Hashable {
    package var id: String
    package var field: Field?
    package var kind: QuestionKind
    package var text: Localized
    package var help: Localized?
    package var required: Bool
    /// Where choices come from: `regions`, `horizons`, `infrastructures` or a vocabulary's name.
    package var options: String?
    package var range: ClosedRange<Int>?
    /// A named check for text answers, e.g. `business-id`.
    package var pattern: String?
    package var condition: Condition?
    /// Free-text answers are kept for the coordinator and never reach a report.
    package var isFreeText: Bool { kind == .text && field != .organisationName && field != .organisationBusinessId }
    package var line: Int

    package init(
        id: String, field: Field?, kind: QuestionKind, text: Localized, help: Localized? = nil,
        required: Bool, options: String? = nil, range: ClosedRange<Int>? = nil, pattern: String? = nil,
        condition: Condition? = nil, line: Int = 0
    ) {
        self.id = id
        self.field = field
        self.kind = kind
        self.text = text
        self.help = help
        self.required = required
        self.options = options
        self.range = range
        self.pattern = pattern
        self.condition = condition
        self.line = line
    }
}

/// Questions asked once per item ("competence need 1, 2, ..."), with "add another?" between items.
package struct RepeatGroup: Sendable, Hashable {
    package var id: String
    package var title: Localized
    package var more: Localized
    package var min: Int
    package var max: Int
    package var questions: [Question]
    package var line: Int

    package init(
        id: String, title: Localized, more: Localized, min: Int, max: Int, questions: [Question], line: Int = 0
    ) {
        self.id = id
        self.title = title
        self.more = more
        self.min = min
        self.max = max
        self.questions = questions
        self.line = line
    }
}

package enum SurveyItem: Sendable, Hashable {
    case question(Question)
    case group(RepeatGroup)

    package var id: String {
        switch self {
        case .question(let q): q.id
        case .group(let g): g.id
        }
    }
}

package struct SurveyDefinition: Sendable, Hashable {
    package var code: String
    /// The survey round (e.g. "2026"); trends compare rounds.
    package var round: String
    package var title: Localized
    package var intro: Localized?
    package var consentVersion: String
    package var consentText: Localized
    package var items: [SurveyItem]
    package var source: String

    package init(
        code: String, round: String, title: Localized, intro: Localized?, consentVersion: String,
        consentText: Localized, items: [SurveyItem], source: String
    ) {
        self.code = code
        self.round = round
        self.title = title
        self.intro = intro
        self.consentVersion = consentVersion
        self.consentText = consentText
        self.items = items
        self.source = source
    }

    /// Every question, those of repeat groups included, in survey order.
    package var allQuestions: [Question] {
        items.flatMap { item -> [Question] in
            switch item {
            case .question(let q): [q]
            case .group(let g): g.questions
            }
        }
    }

    package func question(_ id: String) -> Question? {
        allQuestions.first { $0.id == id }
    }
}

/// Interface and report texts in every language, keyed by a stable name.
package struct Texts: Sendable, Hashable {
    package var entries: [String: Localized]

    package init(_ entries: [String: Localized]) {
        self.entries = entries
    }

    /// The text for `key`; a missing key shows itself so that a gap is visible, never a crash.
    package func callAsFunction(_ key: String, _ language: String) -> String {
        entries[key]?(language) ?? key
    }
}
