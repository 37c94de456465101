import Catalog
import Foundation
import Interchange
import Testing

/// `kind: importMapping` files: loaded with the catalogue, every reference checked with file:line.
@Suite struct ImportMappingTests {
    static let webropol = "surveys/import/battery-competence-2026.webropol.yaml"

    /// The issues of the shipped catalogue with the Webropol mapping edited by `edit`.
    static func issues(_ edit: (String) -> String) throws -> [CatalogIssue] {
        let original = try ImportFixtures.mappingText("webropol")
        let edited = edit(original)
        #expect(edited != original, "the edit must change the mapping")
        return try ImportFixtures.catalog(replacing: webropol, with: edited).1
    }

    @Test func everyShippedMappingLoadsForItsSurveyAndDialect() throws {
        // Given the shipped catalogue
        let catalog = try ImportFixtures.catalog()

        // Then it holds one mapping per web dialect for the survey, each naming columns for its questions
        for dialect in ["webropol", "limesurvey", "odk", "kobo"] {
            let mapping = try #require(catalog.importMapping(survey: ImportFixtures.survey, dialect: dialect))
            #expect(mapping.file == "surveys/import/battery-competence-2026.\(dialect).yaml")
            #expect(mapping.questions["org_name"] != nil && mapping.questions["skill"] != nil)
        }
        #expect(catalog.importMapping(survey: ImportFixtures.survey, dialect: "odk")?.repeats == ["needs": "needs"])
        #expect(
            catalog.importMapping(survey: ImportFixtures.survey, dialect: "webropol")?.questions["roles"]?.shape
                == .optionColumns)
    }

    @Test func anUnknownQuestionIdIsReportedWithItsLineAndTheLikelyFix() throws {
        // Given a mapping that misspells org_name (and so leaves the required question unmapped)
        let issues = try Self.issues { $0.replacingOccurrences(of: "  org_name: ", with: "  org_nam: ") }

        // Then the misspelt key is reported where it is, with a did-you-mean, and the gap too
        let unknown = try #require(issues.first { $0.message.contains("\"org_nam\" is not a question") })
        #expect(unknown.file == Self.webropol)
        #expect(unknown.line == 18)
        #expect(unknown.fix == "did you mean \"org_name\"?")
        #expect(issues.contains { $0.message.contains("required question org_name has no column") })
    }

    @Test func aValueMappedToAnUnknownCodeIsReportedAtItsLine() throws {
        // Given "Alle 10" mapped to "mikro" instead of "micro"
        let issues = try Self.issues {
            $0.replacingOccurrences(of: "\"Alle 10\": micro", with: "\"Alle 10\": mikro")
        }

        // Then that entry's line is named with the code it probably meant
        let issue = try #require(issues.first { $0.message.contains("\"Alle 10\" maps to \"mikro\"") })
        #expect(issue.file == Self.webropol && issue.line > 40)
        #expect(issue.fix.hasPrefix("did you mean \"micro\"?"))
    }

    @Test func aNumberedNeedColumnWithoutItsNumberIsReported() throws {
        // Given a need question's header without {n}
        let issues = try Self.issues {
            $0.replacingOccurrences(of: "skill: \"Osaamistarve {n}: Mitä", with: "skill: \"Osaamistarve: Mitä")
        }

        // Then the mapping is told where to put the item number
        let issue = try #require(issues.first { $0.message.contains("has a header without {n}") })
        #expect(issue.line == 27)
        #expect(issue.fix.contains("put {n} where the item number stands"))
    }

    @Test func optionColumnsOnlyFitMultiQuestionsAndNeedTheirPlaceholder() throws {
        // Given a single-choice question given option columns, and a multi question's columns without {option}
        let issues = try Self.issues {
            $0.replacingOccurrences(
                of: "  sector: \"Mikä on organisaationne päätoimiala?\"",
                with: "  sector:\n    optionColumns: \"Päätoimiala - {option}\""
            ).replacingOccurrences(
                of: "rooli akkuarvoketjussa? - {option}\"", with: "rooli akkuarvoketjussa?\"")
        }

        // Then both are reported
        #expect(issues.contains { $0.message == "question sector is of type choice; only multi has optionColumns" })
        #expect(issues.contains { $0.message.hasPrefix("optionColumns of roles has no {option}") })
    }

    @Test func keysOfAnotherDialectAndRepeatTablesInAWideDialectAreReported() throws {
        // Given a Webropol mapping with LimeSurvey's surveyId and a repeat table
        let issues = try Self.issues {
            $0.replacingOccurrences(
                of: "dialect: webropol\n", with: "dialect: webropol\nsurveyId: \"1\"\nrepeats:\n  needs: needs\n")
        }

        // Then both are refused rather than silently ignored
        #expect(issues.contains { $0.message == "surveyId is LimeSurvey's, not webropol's" })
        #expect(issues.contains { $0.message.contains("exports one row per response") })
    }

    @Test func aDefaultAnswersAQuestionTheExportDoesNotAsk() throws {
        // Given a Webropol form without the planning-consent question, and a mapping that gives it a default
        let mapping =
            try ImportFixtures.mappingText("webropol").replacingOccurrences(
                of:
                    "  consent_planning: \"Saako vastauksianne käyttää organisaationne koulutuksen suunnitteluun yhdessä oppilaitosten kanssa?\"\n",
                with: "") + "\ndefaults:\n  consent_planning: \"yes\"\n"
        let (catalog, issues) = try ImportFixtures.catalog(replacing: Self.webropol, with: mapping)
        #expect(issues.isEmpty, "\(issues)")

        // When the export is read
        let batch = try ImportFixtures.read("webropol-export-cp1252.csv", as: .webropol, catalog: catalog)

        // Then every response carries the default answer (the export's own column is ignored)
        #expect(batch.rejected.isEmpty, "\(batch.rejected)")
        #expect(batch.responses.allSatisfy { $0.response.consent.planning })
        #expect(batch.responses.allSatisfy { $0.response.value("consent_planning") == "yes" })
    }

    @Test func aMappingForAnUnknownSurveyOrDialectIsReported() throws {
        // Given a mapping naming a survey the catalogue lacks and a dialect Osaava does not read
        let issues = try Self.issues {
            $0.replacingOccurrences(of: "survey: battery-competence-2026", with: "survey: battery-2026")
                .replacingOccurrences(of: "dialect: webropol", with: "dialect: webropl")
        }

        // Then both are named with the likely fix
        #expect(issues.contains { $0.message.contains("survey \"battery-2026\", which the catalogue lacks") })
        let dialect = try #require(issues.first { $0.message == "unknown import dialect \"webropl\"" })
        #expect(dialect.fix.hasPrefix("did you mean \"webropol\"?"))
    }
}
