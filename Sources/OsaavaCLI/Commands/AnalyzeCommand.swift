import Analysis
import ArgumentParser

struct AnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Aggregate the competence needs (every cell with fewer than K organisations suppressed).",
        subcommands: [
            AnalyzeNeedsCommand.self, AnalyzeGapsCommand.self, AnalyzeSharedCommand.self,
            AnalyzeChallengesCommand.self, AnalyzeTrendsCommand.self,
        ]
    )
}

/// Where `analyze needs` takes its figures from.
enum FigureSource: String, ExpressibleByArgument, CaseIterable {
    /// The maintained rollups when they hold the table, else a full scan.
    case auto
    case rollups
    case scan
}

/// An analyze subcommand: its options as the request it runs. (`AnalyzeFastPath` reads the common
/// forms into the same request without ArgumentParser; a test holds the two to the same result.)
protocol AnalyzeSubcommand: ParsableCommand {
    var request: AnalyzeRequest { get }
}

/// The filters, K and format of `analyze needs` and `analyze trends`.
struct AnalysisOptions: ParsableArguments {
    @Option(help: "Only this region (code).") var region: String?
    @Option(name: .customLong("skill-group"), help: "Only this skill group (code).") var skillGroup: String?
    @Option(help: "Only this horizon (code).") var horizon: String?
    @Option(help: "Only this survey round (default: every round).") var round: String?
    @Option(name: .customLong("min-respondents"), help: "K: raise the catalogue's minimum organisations per cell.")
    var minRespondents: Int?
    @Option(help: "table, csv or json.") var format: OutputFormat = .table

    var choices: AnalysisChoices {
        AnalysisChoices(
            region: region, skillGroup: skillGroup, horizon: horizon, round: round, minRespondents: minRespondents,
            format: format)
    }
}

struct AnalyzeNeedsCommand: AnalyzeSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "needs",
        abstract: "People needed and distinct organisations per cell, with totals.",
        discussion: "Dimensions: \(Dimension.allCases.map(\.rawValue).joined(separator: ", "))."
    )

    @OptionGroup var global: GlobalOptions
    @Option(help: "Dimensions, comma-separated.") var by = "region,skill"
    @OptionGroup var options: AnalysisOptions
    @Option(help: "auto (maintained rollups when they hold the table, else a full scan), rollups or scan.")
    var source: FigureSource = .auto

    var request: AnalyzeRequest {
        AnalyzeRequest(question: .needs(by: by, source: source), workspace: global.workspace, choices: options.choices)
    }

    func run() throws { try request.run() }
}

struct AnalyzeGapsCommand: AnalyzeSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "gaps",
        abstract: "Demand per year against education supply per year, per region and skill, largest shortfall first.",
        discussion: GapTable.onlineRule
    )

    @OptionGroup var global: GlobalOptions
    @Option(help: "Only this region (code).") var region: String?
    @Option(help: "Only this survey round (default: every round).") var round: String?
    @Option(name: .customLong("min-respondents"), help: "K: raise the catalogue's minimum organisations per cell.")
    var minRespondents: Int?
    @Option(help: "table, csv or json.") var format: OutputFormat = .table

    var request: AnalyzeRequest {
        AnalyzeRequest(
            question: .gaps, workspace: global.workspace,
            choices: AnalysisChoices(region: region, round: round, minRespondents: minRespondents, format: format))
    }

    func run() throws { try request.run() }
}

struct AnalyzeSharedCommand: AnalyzeSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "shared",
        abstract:
            "Skills needed in at least N regions (N in the catalogue), counting only cells with ≥ K organisations."
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var options: RoundOptions

    var request: AnalyzeRequest {
        AnalyzeRequest(question: .shared, workspace: global.workspace, choices: options.choices)
    }

    func run() throws { try request.run() }
}

struct AnalyzeChallengesCommand: AnalyzeSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "challenges",
        abstract:
            "Research challenges named in at least N regions (N in the catalogue), each region with ≥ K organisations."
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var options: RoundOptions

    var request: AnalyzeRequest {
        AnalyzeRequest(question: .challenges, workspace: global.workspace, choices: options.choices)
    }

    func run() throws { try request.run() }
}

/// The round, K and format of `analyze shared` and `analyze challenges`.
struct RoundOptions: ParsableArguments {
    @Option(help: "Only this survey round (default: every round).") var round: String?
    @Option(name: .customLong("min-respondents"), help: "K: raise the catalogue's minimum organisations per cell.")
    var minRespondents: Int?
    @Option(help: "table, csv or json.") var format: OutputFormat = .table

    var choices: AnalysisChoices { AnalysisChoices(round: round, minRespondents: minRespondents, format: format) }
}

struct AnalyzeTrendsCommand: AnalyzeSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "trends",
        abstract: "The same cells across survey rounds, with the change from the first round to the last."
    )

    @OptionGroup var global: GlobalOptions
    @Option(help: "Dimensions, comma-separated (round is added).") var by = "skill-group"
    @OptionGroup var options: AnalysisOptions

    var request: AnalyzeRequest {
        AnalyzeRequest(question: .trends(by: by), workspace: global.workspace, choices: options.choices)
    }

    func run() throws { try request.run() }
}
