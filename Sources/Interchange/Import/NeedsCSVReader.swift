import Catalog
import Foundation

/// Reads the needs CSV (the `osaava` dialect, DESIGN.md): one row per competence need, grouped
/// into responses by `response_id`. The organisation's region is the region of its first row.
package struct NeedsCSVReader: Sendable {
    let catalog: Catalog
    let survey: SurveyDefinition
    /// ISO 8601 time of the import, stored as the consent time of the imported responses.
    let now: String

    package init(catalog: Catalog, survey: SurveyDefinition, now: String) {
        self.catalog = catalog
        self.survey = survey
        self.now = now
    }

    package func read(_ data: Data) -> ImportBatch {
        var batch = ImportBatch(dialect: .osaava)
        let table: CSVTable
        do {
            table = try CSVParser.parse(TextDecoding.decode(data).text)
        } catch {
            batch.rejected.append(RejectedRow(line: error.line, column: nil, reason: error.message))
            return batch
        }
        var columns: [String: Int] = [:]
        for name in NeedsCSV.columns {
            guard let index = table.header.firstIndex(where: { $0.lowercased() == name }) else {
                batch.rejected.append(
                    RejectedRow(
                        line: 1, column: name,
                        reason:
                            "the header has no \"\(name)\" column; the needs CSV needs: \(NeedsCSV.columns.joined(separator: ","))"
                    ))
                continue
            }
            columns[name] = index
        }
        guard batch.rejected.isEmpty else { return batch }
        batch.header = table.header
        let validator = CodeValidator(catalog: catalog)
        var grouped: [String: (line: Int, organisation: Organisation, round: String, needs: [Need])] = [:]
        var order: [String] = []
        for row in table.rows {
            batch.rows += 1
            func field(_ name: String) -> String {
                table.value(row, columns[name] ?? 0).trimmingCharacters(in: .whitespaces)
            }
            var problems: [RejectedRow] = []
            func check<T>(_ name: String, _ result: Result<T, CodeProblem>) -> T? {
                switch result {
                case .success(let value): return value
                case .failure(let problem):
                    problems.append(
                        RejectedRow(line: row.line, column: name, reason: problem.message, record: row.fields))
                    return nil
                }
            }
            let id = field("response_id")
            if id.isEmpty {
                problems.append(
                    RejectedRow(
                        line: row.line, column: "response_id",
                        reason: "is empty; every row needs the id of its response",
                        record: row.fields))
            }
            let name = field("organisation")
            if name.isEmpty {
                problems.append(
                    RejectedRow(
                        line: row.line, column: "organisation",
                        reason: "is empty; give the organisation's name or pseudonym",
                        record: row.fields))
            }
            let surveyCode = field("survey")
            if !surveyCode.isEmpty && surveyCode != survey.code {
                problems.append(
                    RejectedRow(
                        line: row.line, column: "survey",
                        reason:
                            "is \"\(surveyCode)\" but the import is for \(survey.code); import it with --survey \(surveyCode)",
                        record: row.fields))
            }
            let region = check("region", validator.region(field("region")))
            let sector = check(
                "sector", validator.optionalTerm(field("sector"), source: sourceName(.organisationSector)))
            let size = check("size", validator.optionalTerm(field("size"), source: sourceName(.organisationSize)))
            let skill = check("skill", validator.skill(field("skill")))
            let level = check("level", validator.level(field("level")))
            let people = check(
                "people", validator.integer(field("people"), in: catalog.settings.peopleRange, what: "people"))
            let horizon = check("horizon", validator.horizon(field("horizon")))
            let priority = check(
                "priority", validator.integer(field("priority"), in: catalog.settings.priorityRange, what: "priority"))
            let formats = check(
                "format",
                validator.terms(field("format"), separator: NeedsCSV.formatSeparator, source: sourceName(.needFormats)))
            guard problems.isEmpty, let region, let sector, let size, let skill, let level, let people, let horizon,
                let priority, let formats
            else {
                batch.rejected += problems
                continue
            }
            let need = Need(
                skill: skill, level: level, region: region, people: people, horizon: horizon, priority: priority,
                formats: formats)
            let round = field("round").isEmpty ? survey.round : field("round")
            if var existing = grouped[id] {
                let organisation = existing.organisation
                guard organisation.name == name, organisation.sector == sector, organisation.size == size,
                    existing.round == round
                else {
                    batch.rejected.append(
                        RejectedRow(
                            line: row.line, column: "organisation",
                            reason:
                                "response \(id) has another organisation, sector, size or round on line \(existing.line); "
                                + "all rows of one response must agree", record: row.fields))
                    continue
                }
                existing.needs.append(need)
                grouped[id] = existing
            } else {
                let organisation = Organisation(name: name, region: region, sector: sector, size: size)
                grouped[id] = (row.line, organisation, round, [need])
                order.append(id)
            }
        }
        let assembler = ResponseAssembler(survey: survey, settings: catalog.settings)
        for id in order {
            guard let entry = grouped[id] else { continue }
            var response = SurveyResponse(
                id: id, survey: survey.code, round: entry.round, language: catalog.settings.defaultLanguage,
                organisation: entry.organisation, needs: entry.needs, research: Research(),
                consent: Consent(
                    publish: true, contact: false, planning: false, textVersion: "import:osaava", givenAt: now),
                synthetic: false, answers: [])
            response.answers = assembler.answers(for: response)
            batch.responses.append(ImportedResponse(response: response, line: entry.line))
        }
        return batch
    }

    /// The vocabulary the survey's question for `field` draws its options from.
    private func sourceName(_ field: Field) -> String? {
        survey.allQuestions.first { $0.field == field }?.options
    }
}
