import Catalog
import CatalogFixtures
import Survey
import Testing

/// Starts interviews of the shipped survey and types lines into them.
enum InterviewDriver {
    static func start(language: String = "en", answers: [Answer] = []) throws -> Interview {
        let catalog = try ShippedCatalog.load()
        let survey = try #require(catalog.survey("battery-competence-2026"))
        return Interview(survey: survey, catalog: catalog, language: language, answers: answers)
    }

    /// Types each line; returns the replies in order.
    @discardableResult
    static func type(_ lines: [String], into interview: inout Interview) -> [Reply] {
        lines.map { interview.handle($0) }
    }

    /// The lines that answer the organisation questions and reach the first competence need.
    static let organisation = ["Akku Oy", "0112038-9", "kokkola", "mining", "small", "1,3"]

    /// One competence need, up to and including "add another?".
    static func need(_ skill: String, more: String) -> [String] {
        [skill, "3", "!skip", "12", "1-2y", "5", "1,3", more]
    }

    /// From "interest" to the end: no research interest, consents.
    static let noResearchAndConsents = ["!skip", "!skip", "yes", "no", "yes"]
}
