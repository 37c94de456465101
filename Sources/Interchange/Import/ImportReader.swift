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

    /// `fileName` is the export's name without its folder: LimeSurvey's carries the survey id.
    package func read(_ data: Data, dialect: Dialect, fileName: String = "") -> ImportBatch {
        if dialect == .osaava { return NeedsCSVReader(catalog: catalog, survey: survey, now: now).read(data) }
        guard let mapping = catalog.importMapping(survey: survey.code, dialect: dialect.rawValue) else {
            return .refused(
                dialect,
                "the \(dialect.rawValue) dialect needs an import mapping for \(survey.code) in surveys/ "
                    + "(kind: importMapping, e.g. surveys/import/\(survey.code).\(dialect.rawValue).yaml), and the "
                    + "catalogue has none. Add one (surveys/README.md) or export the answers as a needs CSV.")
        }
        switch dialect {
        case .osaava:
            return NeedsCSVReader(catalog: catalog, survey: survey, now: now).read(data)
        case .webropol:
            return WebropolReader(catalog: catalog, survey: survey, mapping: mapping, now: now).read(data)
        case .limesurvey:
            return LimeSurveyReader(catalog: catalog, survey: survey, mapping: mapping, now: now).read(
                data, fileName: fileName)
        case .odk:
            return ODKReader(catalog: catalog, survey: survey, mapping: mapping, now: now).read(
                data, fileName: fileName)
        case .kobo:
            return KoboReader(catalog: catalog, survey: survey, mapping: mapping, now: now).read(data)
        }
    }
}
