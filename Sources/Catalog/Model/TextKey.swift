import Foundation

/// Every interview and report text the program asks the catalogue for (`kind: texts`).
/// `osaava catalog check` reports the keys a catalogue lacks.
package enum TextKey: String, Sendable, CaseIterable {
    case interviewCommands = "interview.commands"
    case interviewChooseOne = "interview.choose.one"
    case interviewChooseMany = "interview.choose.many"
    case interviewRange = "interview.range"
    case interviewYesNo = "interview.yesno"
    case interviewText = "interview.text"
    case interviewSkill = "interview.skill"
    case interviewOptional = "interview.optional"
    case interviewDefault = "interview.default"
    case interviewInvalidChoice = "interview.invalid.choice"
    case interviewInvalidInteger = "interview.invalid.integer"
    case interviewInvalidRequired = "interview.invalid.required"
    case interviewInvalidBusinessId = "interview.invalid.businessId"
    case interviewInvalidYesNo = "interview.invalid.yesno"
    case interviewInvalidNotOptional = "interview.invalid.notOptional"
    case interviewSkillNone = "interview.skill.none"
    case interviewSkillMany = "interview.skill.many"
    case interviewSkillList = "interview.skill.list"
    case interviewSaved = "interview.saved"
    case interviewDone = "interview.done"
    case interviewItem = "interview.item"
    case interviewSummary = "interview.summary"
    case interviewBackFirst = "interview.back.first"
    case interviewYesWords = "interview.yes.words"
    case interviewNoWords = "interview.no.words"
    case interviewYes = "interview.yes"
    case interviewNo = "interview.no"
    case interviewStart = "interview.start"
    case interviewResumed = "interview.resumed"
    case interviewUpdateEarlier = "interview.update.earlier"
    case interviewEditing = "interview.editing"
    case reportTitle = "report.title"
    case reportSynthetic = "report.synthetic"
    case reportKeyFigures = "report.keyFigures"
    case reportResponses = "report.responses"
    case reportOrganisations = "report.organisations"
    case reportRegions = "report.regions"
    case reportNeeds = "report.needs"
    case reportPeople = "report.people"
    case reportRespondents = "report.respondents"
    case reportShare = "report.share"
    case reportIndex = "report.index"
    case reportNeedsByRegion = "report.needsByRegion"
    case reportNeedsBySkill = "report.needsBySkill"
    case reportSharedNeeds = "report.sharedNeeds"
    case reportPaths = "report.paths"
    case reportPathRegion = "report.path.region"
    case reportPathTotal = "report.path.total"
    case reportPathOptimal = "report.path.optimal"
    case reportPathNotOptimal = "report.path.notOptimal"
    case reportPathUncovered = "report.path.uncovered"
    case reportMethods = "report.methods"
    case reportMethodsSurvey = "report.methods.survey"
    case reportMethodsSuppression = "report.methods.suppression"
    case reportMethodsPaths = "report.methods.paths"
    case reportMethodsIllustrative = "report.methods.illustrative"
    case reportSuppressedMarker = "report.suppressedMarker"
    case reportRegion = "report.region"
    case reportSkill = "report.skill"
    case reportSkillGroup = "report.skillGroup"
    case reportTotal = "report.total"
    case reportCourse = "report.course"
    case reportInstitution = "report.institution"
    case reportCredits = "report.credits"
    case reportTerm = "report.term"
    case reportLevel = "report.level"
    case reportHorizon = "report.horizon"
    case reportNone = "report.none"
    case reportProvenance = "report.provenance"
}

extension Texts {
    /// The text for `key` in `language`, with `{name}` placeholders filled in.
    package func callAsFunction(_ key: TextKey, _ language: String, _ values: [String: String] = [:]) -> String {
        var text = self(key.rawValue, language)
        for (name, value) in values.sorted(by: { $0.key < $1.key }) {
            text = text.replacingOccurrences(of: "{\(name)}", with: value)
        }
        return text
    }
}
