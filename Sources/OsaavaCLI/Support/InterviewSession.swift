import Catalog
import Foundation
import Store
import Survey

/// Runs an interview at the console: prints each prompt (flushed), reads a line, saves the draft
/// after every answer in its own transaction. An answer counts as saved when the next prompt has
/// been printed. EOF, `!save`, Ctrl-C keep the draft and say how to resume.
struct InterviewSession {
    let store: ResponseStore
    let context: CommandContext
    /// Suggested in messages: `osaava survey resume ID` plus the user's --db/--catalog flags.
    let flags: String
    /// The final response this interview corrects (`survey edit`): completing makes a new version of it.
    var editing: String? = nil

    enum Outcome: Equatable {
        case completed(String)
        case saved(String?)
    }

    func run(_ interview: inout Interview, draft existing: String?, opening: String) throws -> Outcome {
        let console = context.console
        var draft = existing
        console.write(opening)
        InterruptMessage.install()
        updateInterruptMessage(draft, interview)
        while !interview.isComplete {
            console.write(interview.prompt())
            guard let line = console.readLine() else {
                console.write("\n")
                return saved(draft, interview)
            }
            let before = interview.answers
            let reply = interview.handle(line)
            switch reply {
            case .accepted(let echo):
                if let echo { console.write(echo + "\n") }
            case .skipped, .back:
                break
            case .rejected(let message), .help(let message), .atFirst(let message):
                console.write(message + "\n")
            case .save:
                return saved(draft, interview)
            }
            if interview.answers != before {
                if draft == nil {
                    draft = try store.createDraft(
                        survey: interview.survey.code, language: interview.language, now: context.now(),
                        editing: editing)
                }
                if let draft { try store.saveDraft(draft, answers: interview.answers, now: context.now()) }
                updateInterruptMessage(draft, interview)
            }
        }
        var id = editing ?? UUID().uuidString.lowercased()
        var response = try interview.response(id: id, now: context.now())
        if editing == nil,
            let earlier = try store.existingResponse(
                organisationKey: response.organisation.key, survey: response.survey, round: response.round)
        {
            guard confirmUpdate(of: earlier, interview) else { return saved(draft, interview) }
            id = earlier
            response.id = earlier
        }
        if let draft {
            try store.complete(draft: draft, response: response, now: context.now())
        } else {
            _ = try store.insert([response], source: "interview", now: context.now())
        }
        try store.setMeta("catalog-fingerprint", interview.catalog.fingerprint)
        InterruptMessage.set("\n")
        console.write(interview.catalog.texts(.interviewDone, interview.language, ["id": id]) + "\n")
        return .completed(id)
    }

    /// A second interview of an organisation in the same round: update its response, or keep the draft.
    private func confirmUpdate(of earlier: String, _ interview: Interview) -> Bool {
        let console = context.console
        console.write(
            interview.catalog.texts(
                .interviewUpdateEarlier, interview.language,
                ["survey": interview.survey.code, "round": interview.survey.round, "response": earlier]) + "\n> ")
        while let line = console.readLine() {
            if let yes = interview.yesNo(line) { return yes }
            console.write(interview.catalog.texts(.interviewYesNo, interview.language) + "\n> ")
        }
        return false
    }

    private func resumeCommand(_ draft: String) -> String {
        "osaava survey resume \(draft)\(flags)"
    }

    private func saved(_ draft: String?, _ interview: Interview) -> Outcome {
        if let draft {
            context.console.error(
                interview.catalog.texts(
                    .interviewSaved, interview.language, ["draft": draft, "command": resumeCommand(draft)]) + "\n")
        }
        return .saved(draft)
    }

    private func updateInterruptMessage(_ draft: String?, _ interview: Interview) {
        guard let draft else {
            InterruptMessage.set("\n")
            return
        }
        InterruptMessage.set(
            "\n"
                + interview.catalog.texts(
                    .interviewSaved, interview.language, ["draft": draft, "command": resumeCommand(draft)]) + "\n")
    }
}
