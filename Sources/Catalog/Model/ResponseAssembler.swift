/// Why answers do not make a response: a field every response needs has no answer.
package enum AssemblyError: Error, CustomStringConvertible, Equatable {
    case missing(field: String)

    package var description: String {
        switch self {
        case .missing(let field):
            "the answers give no \(field). Check the survey's questions (osaava catalog check)."
        }
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
            throw AssemblyError.missing(field: "organisation name")
        }
        guard let region = top[.organisationRegion], !region.isEmpty else {
            throw AssemblyError.missing(field: "organisation region")
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

extension ResponseAssembler {
    /// The answers to start an edit of `response` from: those given, or for a response whose
    /// answers were never kept (`answersDerived`), those an interview would have recorded.
    package func editableAnswers(of response: SurveyResponse) -> [Answer] {
        response.answersDerived ? answers(for: response) : response.answers
    }

    /// The answers an interview would have recorded for `response`: the inverse of `assemble`,
    /// so that an imported response can be edited question by question like an interviewed one.
    package func answers(for response: SurveyResponse) -> [Answer] {
        func value(_ field: Field, of need: Need?) -> String? {
            let organisation = response.organisation
            let research = response.research
            let consent = response.consent
            switch field {
            case .organisationName: return organisation.name
            case .organisationBusinessId: return organisation.businessId
            case .organisationRegion: return organisation.region
            case .organisationSector: return organisation.sector
            case .organisationSize: return organisation.size
            case .organisationRoles: return organisation.roles.joined(separator: ",")
            case .needSkill: return need?.skill
            case .needLevel: return need.map { String($0.level) }
            case .needRegion: return need.map { $0.region == organisation.region ? "" : $0.region }
            case .needPeople: return need.map { String($0.people) }
            case .needHorizon: return need?.horizon
            case .needPriority: return need.map { String($0.priority) }
            case .needFormats: return need?.formats.joined(separator: ",")
            case .researchInterest: return research.interest.joined(separator: ",")
            case .researchChallenges: return research.challenges.joined(separator: ",")
            case .researchText: return research.text ?? ""
            case .researchInfrastructures: return research.infrastructures.joined(separator: ",")
            case .consentPublish: return consent.publish ? "yes" : "no"
            case .consentContact: return consent.contact ? "yes" : "no"
            case .consentPlanning: return consent.planning ? "yes" : "no"
            }
        }
        var answers: [Answer] = []
        for item in survey.items {
            switch item {
            case .question(let question):
                guard let field = question.field, let text = value(field, of: nil) else { continue }
                answers.append(Answer(key: question.id, value: text))
            case .group(let group):
                for (index, need) in response.needs.enumerated() {
                    let number = index + 1
                    for question in group.questions {
                        guard let field = question.field, let text = value(field, of: need) else { continue }
                        answers.append(Answer(key: "\(group.id).\(number).\(question.id)", value: text))
                    }
                    if number >= group.min && number < group.max {
                        let more = number < response.needs.count ? "yes" : "no"
                        answers.append(Answer(key: "\(group.id).\(number).more", value: more))
                    }
                }
            }
        }
        return answers
    }
}
