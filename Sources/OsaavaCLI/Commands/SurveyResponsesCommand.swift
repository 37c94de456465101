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
        let pseudonyms = try store.pseudonyms()
        let console = CommandContext.current.console
        // Streamed, response by response: a national data set has millions of needs.
        func visit(_ body: (StoredResponse, _ response: SurveyResponse, _ organisation: String) -> Void) throws {
            try store.forEachResponse { item in
                var response = item.response
                if !includeFreeText { response.research.text = nil }
                let name = includeIdentifiers ? response.organisation.name : (pseudonyms[item.organisationId] ?? "?")
                body(item, response, name)
            }
        }
        switch format {
        case .csv:
            // Written in pieces of about a megabyte.
            var pending = NeedsCSV.header
            try visit { _, response, organisation in
                pending += NeedsCSV.rows(of: response, organisation: organisation)
                if pending.utf8.count >= 1 << 20 {
                    console.write(pending)
                    pending = ""
                }
            }
            console.write(pending)
        case .table, .json:
            var listing = Listing(
                columns: ["response", "version", "organisation", "region", "needs", "survey", "round", "source"],
                rows: [])
            if includeFreeText { listing.columns.append("research_text") }
            try visit { item, response, organisation in
                var row: [Listing.Value] = [
                    .text(response.id), .integer(item.version), .text(organisation),
                    .text(response.organisation.region),
                    .integer(response.needs.count), .text(response.survey), .text(response.round), .text(item.source),
                ]
                if includeFreeText { row.append(.text(response.research.text ?? "")) }
                listing.rows.append(row)
            }
            console.write(listing.render(format == .json ? .json : .table))
        }
    }
}
