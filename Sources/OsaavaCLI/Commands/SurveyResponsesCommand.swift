import ArgumentParser
import Catalog
import Interchange
import Reports
import Store

struct SurveyResponsesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "responses",
        abstract: "Export the responses (restricted unit-level data).",
        discussion: """
            --format csv gives the needs CSV (one row per competence need; docs/needs-csv.md). \
            Organisations appear as stable pseudonyms unless --include-identifiers is given; free-text \
            answers are left out unless --include-free-text is given (json only).
            """
    )

    @OptionGroup var global: GlobalOptions
    @Option(help: "table, csv or json.") var format: OutputFormat = .table
    @Flag(name: .customLong("include-identifiers"), help: "Show organisation names instead of pseudonyms.")
    var includeIdentifiers = false
    @Flag(name: .customLong("include-free-text"), help: "Include free-text answers (json).")
    var includeFreeText = false

    func run() throws {
        let store = try global.openStore()
        let stored = try store.responses()
        let pseudonyms = try store.pseudonyms()
        let rows = stored.map { item -> (response: SurveyResponse, organisation: String) in
            var response = item.response
            if !includeFreeText { response.research.text = nil }
            let name = includeIdentifiers ? response.organisation.name : (pseudonyms[item.organisationId] ?? "?")
            return (response, name)
        }
        let console = CommandContext.current.console
        switch format {
        case .csv:
            console.write(NeedsCSV.write(rows))
        case .table, .json:
            var listing = Listing(
                columns: ["response", "version", "organisation", "region", "needs", "survey", "round", "source"],
                rows: zip(rows, stored).map { row, item in
                    [
                        .text(row.response.id), .integer(item.version), .text(row.organisation),
                        .text(row.response.organisation.region), .integer(row.response.needs.count),
                        .text(row.response.survey), .text(row.response.round), .text(item.source),
                    ]
                })
            if includeFreeText {
                listing.columns.append("research_text")
                for index in listing.rows.indices {
                    listing.rows[index].append(.text(rows[index].response.research.text ?? ""))
                }
            }
            console.write(listing.render(format == .json ? .json : .table))
        }
    }
}
