import ArgumentParser
import Catalog
import Foundation
import Reports
import Store
import Survey

struct SurveyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "survey",
        abstract: "Collect competence needs: list surveys, fill one in, resume drafts, export responses.",
        subcommands: [
            SurveyListCommand.self, SurveyFillCommand.self, SurveyDraftsCommand.self, SurveyResumeCommand.self,
            SurveyDiscardCommand.self, SurveyEditCommand.self, SurveyResponsesCommand.self, SurveyImportCommand.self,
        ]
    )
}

struct SurveyListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the catalogue's surveys.")

    @OptionGroup var global: GlobalOptions
    @Option(help: "table, csv or json.") var format: OutputFormat = .table

    func run() throws {
        let catalog = try global.loadCatalog()
        let language = catalog.settings.defaultLanguage
        let listing = Listing(
            columns: ["survey", "round", "title", "questions", "file"],
            rows: catalog.surveys.map {
                [
                    .text($0.code), .text($0.round), .text($0.title(language)), .integer($0.allQuestions.count),
                    .text($0.source),
                ]
            })
        CommandContext.current.console.write(listing.render(ListingFormat(rawValue: format.rawValue) ?? .table))
    }
}

struct SurveyFillCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fill",
        abstract: "Fill in a survey line by line (resumable).",
        discussion: """
            Prompts go to stdout; answer each on one line. ? shows help, < goes back, !skip skips an \
            optional question, !save keeps the draft and exits. Ctrl-D or Ctrl-C also keep the draft. \
            Works on a pipe too: printf 'Name\\n...' | osaava survey fill SURVEY
            """
    )

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The survey's code (see: osaava survey list).") var survey: String
    @Option(help: "Prefill the organisation's name.") var organisation: String?
    @Option(name: .customLong("business-id"), help: "Prefill the organisation's business ID (Y-tunnus).")
    var businessId: String?
    @Option(help: "Interview language (fi, sv or en; default: the catalogue's first).") var lang: String?

    func run() throws {
        let catalog = try global.loadCatalog()
        guard let definition = catalog.survey(survey) else {
            throw ValidationError(
                "unknown survey \"\(survey)\". Known: \(catalog.surveys.map(\.code).joined(separator: ", ")) (osaava survey list)"
            )
        }
        let language = try Self.language(lang, catalog)
        let store = try global.openStore(creating: true)
        var interview = Interview(survey: definition, catalog: catalog, language: language)
        var opening = interview.opening()
        for (field, value) in [(Field.organisationName, organisation), (.organisationBusinessId, businessId)] {
            guard let value else { continue }
            if case .rejected(let message)? = interview.prefill(field, with: value) {
                opening += message + "\n"
            }
        }
        let session = InterviewSession(store: store, context: CommandContext.current, flags: global.repeatedFlags)
        _ = try session.run(&interview, draft: nil, opening: opening)
    }

    static func language(_ requested: String?, _ catalog: Catalog) throws -> String {
        guard let requested else { return catalog.settings.defaultLanguage }
        guard catalog.settings.languages.contains(requested) else {
            throw ValidationError(
                "unknown language \"\(requested)\". Use one of: \(catalog.settings.languages.joined(separator: ", "))")
        }
        return requested
    }
}

struct SurveyDraftsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "drafts", abstract: "List interviews not yet completed.")

    @OptionGroup var global: GlobalOptions
    @Option(help: "table, csv or json.") var format: OutputFormat = .table

    func run() throws {
        let drafts = try global.openStore().drafts()
        let listing = Listing(
            columns: ["draft", "survey", "language", "organisation", "answers", "updated"],
            rows: drafts.map {
                [
                    .text($0.id), .text($0.survey), .text($0.language), .text($0.organisation ?? ""),
                    .integer($0.answered),
                    .text($0.updatedAt),
                ]
            })
        CommandContext.current.console.write(listing.render(ListingFormat(rawValue: format.rawValue) ?? .table))
    }
}

struct SurveyResumeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resume", abstract: "Continue a draft at its first unanswered question.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The draft's id (see: osaava survey drafts).") var draft: String

    func run() throws {
        let catalog = try global.loadCatalog()
        let store = try global.openStore()
        let saved = try store.draft(draft)
        guard let definition = catalog.survey(saved.survey) else {
            throw CLIError(
                "draft \(draft) belongs to survey \"\(saved.survey)\", which the catalogue no longer has. "
                    + "Restore the survey file, or discard the draft: osaava survey discard \(draft)")
        }
        var interview = Interview(
            survey: definition, catalog: catalog, language: saved.language, answers: saved.answers)
        let opening =
            interview.opening()
            + catalog.texts(
                .interviewResumed, saved.language, ["draft": draft, "count": String(interview.answers.count)])
            + "\n"
        var session = InterviewSession(store: store, context: CommandContext.current, flags: global.repeatedFlags)
        session.editing = saved.editsResponse
        _ = try session.run(&interview, draft: draft, opening: opening)
    }
}

struct SurveyDiscardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "discard", abstract: "Delete a draft for good.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The draft's id (see: osaava survey drafts).") var draft: String

    func run() throws {
        try global.openStore().discardDraft(draft)
        CommandContext.current.console.write("draft \(draft) discarded\n")
    }
}

struct SurveyEditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit",
        abstract: "Correct a final response: every question again, Enter keeps the earlier answer.",
        discussion:
            "Completing saves a new version of the response; the earlier version is kept. Resumable like a fill."
    )

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The response's id (see: osaava survey responses).") var response: String
    @Option(help: "Interview language (default: the response's).") var lang: String?

    func run() throws {
        let catalog = try global.loadCatalog()
        let store = try global.openStore()
        let stored = try store.response(response)
        guard let definition = catalog.survey(stored.response.survey) else {
            throw CLIError(
                "response \(response) answers survey \"\(stored.response.survey)\", which the catalogue does not have. "
                    + "Restore the survey file to edit it.")
        }
        let language = try lang.map { try SurveyFillCommand.language($0, catalog) } ?? stored.response.language
        // A needs CSV import keeps no answers: they are derived from the record, question by question.
        let answers = ResponseAssembler(survey: definition, settings: catalog.settings).editableAnswers(
            of: stored.response)
        var interview = Interview(survey: definition, catalog: catalog, language: language, defaults: answers)
        let opening =
            interview.opening() + catalog.texts(.interviewEditing, language, ["response": response]) + "\n"
        var session = InterviewSession(store: store, context: CommandContext.current, flags: global.repeatedFlags)
        session.editing = response
        _ = try session.run(&interview, draft: nil, opening: opening)
    }
}
