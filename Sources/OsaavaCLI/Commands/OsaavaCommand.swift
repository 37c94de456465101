import ArgumentParser

/// `osaava`: the root command. Each subcommand resolves its inputs, makes one library call and
/// renders the result.
package struct OsaavaCommand: ParsableCommand {
    package static let configuration = CommandConfiguration(
        commandName: "osaava",
        abstract: "Competence-needs surveys, analysis and education-path planning for regional ecosystems.",
        discussion: """
            Results go to stdout, diagnostics to stderr. Exit codes: 0 success, 1 a domain failure \
            (bad data, validation failed, nothing to do), 64 usage error, 130 interrupted.
            The database defaults to ./osaava.sqlite (--db PATH or OSAAVA_DB); the catalogue to \
            ./surveys and ./curricula (--catalog DIR).
            """,
        version: "0.1.0",
        subcommands: [
            DemoCommand.self, CatalogCommand.self, SurveyCommand.self, AnalyzeCommand.self, PlanCommand.self,
            ReportCommand.self, ContactsCommand.self, DatabaseCommand.self,
        ]
    )

    package init() {}
}

/// `--format table|csv|json` of every listing command.
package enum OutputFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
    case table, csv, json
}
