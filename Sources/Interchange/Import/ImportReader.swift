import Catalog
import Foundation

/// Reads an export of any dialect into responses, rejected rows and skipped rows.
package struct ImportReader: Sendable {
    let catalog: Catalog
    let survey: SurveyDefinition
    /// ISO 8601 time of the import.
    let now: String

    package init(catalog: Catalog, survey: SurveyDefinition, now: String) {
        self.catalog = catalog
        self.survey = survey
        self.now = now
    }

    package func read(_ data: Data, dialect: Dialect) -> ImportBatch {
        switch dialect {
        case .osaava:
            return NeedsCSVReader(catalog: catalog, survey: survey, now: now).read(data)
        case .webropol, .limesurvey, .kobo, .odk:
            var batch = ImportBatch(dialect: dialect)
            batch.rejected.append(
                RejectedRow(
                    line: 0, column: nil,
                    reason: "the \(dialect.rawValue) dialect needs an import mapping for \(survey.code) in surveys/ "
                        + "(kind: importMapping), and the catalogue has none. Add one (surveys/README.md) or export the "
                        + "answers as a needs CSV."))
            return batch
        }
    }
}
