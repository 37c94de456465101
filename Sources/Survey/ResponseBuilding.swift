import Catalog

/// Why a set of answers does not make a response (an incomplete interview, a required field missing).
package enum SurveyError: Error, CustomStringConvertible, Equatable {
    case incomplete(next: String)

    package var description: String {
        switch self {
        case .incomplete(let next):
            "the interview is not complete: question \(next) is still unanswered. Resume the draft to finish it."
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
