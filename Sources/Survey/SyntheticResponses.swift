import Catalog

/// Synthetic responses for the demo and the benchmarks: organisations named "Demo company N",
/// answers typed into the real interview (so every one passes the same validation as a person's),
/// marked synthetic. Demand is skewed the way real surveys are: a few skills are named by many.
package struct SyntheticResponses {
    package let survey: SurveyDefinition
    package let catalog: Catalog
    package var seed: UInt64

    package init(survey: SurveyDefinition, catalog: Catalog, seed: UInt64) {
        self.survey = survey
        self.catalog = catalog
        self.seed = seed
    }

    /// `count` responses with 1…`maxNeeds` needs each (about 5 on average with the default).
    package func make(count: Int, maxNeeds: Int = 9, now: String) throws -> [SurveyResponse] {
        var random = SeededGenerator(seed: seed)
        // A seeded shuffle decides which skills are "hot", then a Zipf-like weight per rank.
        let skills = catalog.skills.shuffled(using: &random)
        let skillWeights = skills.indices.map { 1.0 / Double($0 + 4) }
        let regions = catalog.projectRegions
        var responses: [SurveyResponse] = []
        for number in 1...max(count, 1) where number <= count {
            var person = Respondent(
                name: "Demo company \(number)", needs: 1 + Int(random.next() % UInt64(maxNeeds)),
                skills: skills, skillWeights: skillWeights, regions: regions)
            var interview = Interview(survey: survey, catalog: catalog, language: catalog.settings.defaultLanguage)
            var steps = 0
            while let step = interview.current, steps < 10_000 {
                steps += 1
                let input = person.input(for: step, interview: interview, random: &random)
                if case .rejected(let message) = interview.handle(input) {
                    throw SyntheticError.rejected(step: step.key, input: input, message: message)
                }
            }
            let id = "demo-" + String(number).leftPadded(to: 4)
            responses.append(try interview.response(id: id, now: now, synthetic: true))
        }
        return responses
    }
}

package enum SyntheticError: Error, CustomStringConvertible {
    case rejected(step: String, input: String, message: String)

    package var description: String {
        switch self {
        case .rejected(let step, let input, let message):
            "the survey rejected a synthetic answer \"\(input)\" at \(step): \(message). Check the survey's questions (osaava catalog check)."
        }
    }
}

/// One synthetic organisation answering question by question.
private struct Respondent {
    var name: String
    var needs: Int
    var skills: [Skill]
    var skillWeights: [Double]
    var regions: [Region]

    mutating func input(for step: Step, interview: Interview, random: inout SeededGenerator) -> String {
        guard let question = step.question else {
            return step.item < needs ? "yes" : "no"
        }
        let options = interview.options(for: step)
        switch question.field {
        case .organisationName: return name
        case .organisationBusinessId, .researchText: return "!skip"
        case .organisationRegion:
            return regions[random.weighted(regions.map { _ in 1.0 })].code
        case .needRegion:
            return Double.random(in: 0..<1, using: &random) < 0.1 ? pick(options, &random) : "!skip"
        case .needSkill: return skills[random.weighted(skillWeights)].code
        case .needLevel:
            return options[random.weighted(options.indices.map { [4.0, 5.0, 3.0, 1.0][min($0, 3)] })].code
        case .needPeople:
            let low = interview.range(of: question).lowerBound
            return String(low + [1, 1, 2, 2, 3, 4, 5, 8, 10, 15, 25, 40][Int(random.next() % 12)] - 1)
        case .needPriority:
            let range = interview.range(of: question)
            return String(Int.random(in: range, using: &random))
        case .researchInterest:
            return Double.random(in: 0..<1, using: &random) < 0.45 ? pickSome(options, 1, &random) : "!skip"
        case .researchChallenges:
            return pickSome(options, 2, &random)
        case .researchInfrastructures:
            return Double.random(in: 0..<1, using: &random) < 0.35 ? pickSome(options, 2, &random) : "!skip"
        case .consentPublish, .consentPlanning: return "yes"
        case .consentContact: return Double.random(in: 0..<1, using: &random) < 0.7 ? "yes" : "no"
        default:
            break
        }
        switch question.kind {
        case .choice, .level: return pick(options, &random)
        case .multi: return pickSome(options, 2, &random)
        case .yesno: return "yes"
        case .integer: return String(interview.range(of: question).lowerBound)
        case .skill: return skills[random.weighted(skillWeights)].code
        case .text: return question.required ? "-" : "!skip"
        }
    }

    private func pick(_ options: [Term], _ random: inout SeededGenerator) -> String {
        options.isEmpty ? "!skip" : options[Int(random.next() % UInt64(options.count))].code
    }

    /// One to `most` distinct options, skewed towards the first ones (the catalogue's most common).
    private func pickSome(_ options: [Term], _ most: Int, _ random: inout SeededGenerator) -> String {
        guard !options.isEmpty else { return "!skip" }
        let count = 1 + Int(random.next() % UInt64(most))
        var chosen: [String] = []
        for _ in 0..<count {
            let index = random.weighted(options.indices.map { 1.0 / Double($0 + 1) })
            if !chosen.contains(options[index].code) { chosen.append(options[index].code) }
        }
        return chosen.joined(separator: ",")
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
