import Catalog

/// Why a set of answers does not make a response (an incomplete interview, a required field missing).
package enum SurveyError: Error, CustomStringConvertible, Equatable {
    case incomplete(next: String)
    case missing(field: String)

    package var description: String {
        switch self {
        case .incomplete(let next):
            "the interview is not complete: question \(next) is still unanswered. Resume the draft to finish it."
        case .missing(let field):
            "the answers give no \(field). Check the survey's questions (osaava catalog check)."
        }
    }
}

extension Interview {
    /// The completed response, built from the answers on the path.
    /// - Parameters:
    ///   - id: the response's stable id.
    ///   - now: ISO 8601 time, stored as the time the consent was given.
    package func response(id: String, now: String, synthetic: Bool = false) throws -> SurveyResponse {
        if let next = current { throw SurveyError.incomplete(next: next.key) }
        return try ResponseAssembler(survey: survey, settings: catalog.settings).assemble(
            id: id, language: language, answers: answers, now: now, synthetic: synthetic)
    }
}

/// Turns keyed answers (from an interview or an import) into a response, by the questions' fields.
package struct ResponseAssembler: Sendable {
    package let survey: SurveyDefinition
    package let settings: Settings

    package init(survey: SurveyDefinition, settings: Settings) {
        self.survey = survey
        self.settings = settings
    }

    package func assemble(id: String, language: String, answers: [Answer], now: String, synthetic: Bool) throws
        -> SurveyResponse
    {
        var top: [Field: String] = [:]
        var items: [Int: [Field: String]] = [:]
        var questions: [String: Question] = [:]
        for question in survey.allQuestions { questions[question.id] = question }
        for answer in answers {
            let parts = answer.key.split(separator: ".").map(String.init)
            if parts.count == 3, let number = Int(parts[1]), let field = questions[parts[2]]?.field {
                items[number, default: [:]][field] = answer.value
            } else if parts.count == 1, let field = questions[parts[0]]?.field {
                top[field] = answer.value
            }
        }
        func list(_ value: String?) -> [String] {
            (value ?? "").split(separator: ",").map(String.init)
        }
        guard let name = top[.organisationName], !name.isEmpty else {
            throw SurveyError.missing(field: "organisation name")
        }
        guard let region = top[.organisationRegion], !region.isEmpty else {
            throw SurveyError.missing(field: "organisation region")
        }
        let organisation = Organisation(
            name: name, businessId: top[.organisationBusinessId].flatMap { $0.isEmpty ? nil : $0 }, region: region,
            sector: top[.organisationSector].flatMap { $0.isEmpty ? nil : $0 },
            size: top[.organisationSize].flatMap { $0.isEmpty ? nil : $0 }, roles: list(top[.organisationRoles]))
        let needs = items.keys.sorted().compactMap { number -> Need? in
            guard let fields = items[number], let skill = fields[.needSkill], let level = Int(fields[.needLevel] ?? ""),
                let people = Int(fields[.needPeople] ?? ""), let horizon = fields[.needHorizon],
                let priority = Int(fields[.needPriority] ?? "")
            else { return nil }
            let needRegion = fields[.needRegion].flatMap { $0.isEmpty ? nil : $0 } ?? region
            return Need(
                skill: skill, level: level, region: needRegion, people: people, horizon: horizon, priority: priority,
                formats: list(fields[.needFormats]))
        }
        let research = Research(
            interest: list(top[.researchInterest]), challenges: list(top[.researchChallenges]),
            text: top[.researchText].flatMap { $0.isEmpty ? nil : $0 },
            infrastructures: list(top[.researchInfrastructures]))
        let consent = Consent(
            publish: top[.consentPublish] == "yes", contact: top[.consentContact] == "yes",
            planning: top[.consentPlanning] == "yes", textVersion: survey.consentVersion, givenAt: now)
        return SurveyResponse(
            id: id, survey: survey.code, round: survey.round, language: language, organisation: organisation,
            needs: needs, research: research, consent: consent, synthetic: synthetic, answers: answers)
    }
}
