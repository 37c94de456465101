import Catalog
import Foundation
import GRDB

/// A response arriving from outside an interview, with where it came from.
package struct IncomingResponse: Sendable, Hashable {
    package let response: SurveyResponse
    /// e.g. `import:webropol`, `merge`, `demo`.
    package let source: String
    package let file: String?
    package let line: Int?
    /// `ContentHash.of(response)`, computed where the response is made: an import makes its
    /// responses on the thread that reads the file, so the hash is not on the writer's time.
    let contentHash: String

    package init(response: SurveyResponse, source: String, file: String? = nil, line: Int? = nil) {
        self.response = response
        self.source = source
        self.file = file
        self.line = line
        contentHash = ContentHash.of(response)
    }
}

/// What an import or merge did — or, for a dry run or a refused import, would have done.
package struct ImportReport: Sendable, Equatable {
    package struct Entry: Sendable, Equatable {
        package var id: String
        package var line: Int?
    }

    package var inserted: [Entry] = []
    package var unchanged: [Entry] = []
    /// Responses that got a new version (`--prefer incoming`).
    package var updated: [Entry] = []
    /// Same id, different content, and no `--prefer`: nothing of the batch was written.
    package var conflicts: [Entry] = []
    /// Responses of erased organisations: refused for good.
    package var erased: [Entry] = []
    /// False for a dry run and for a batch refused because of conflicts.
    package var committed = false

    package init() {}

    package var changes: Int { inserted.count + updated.count }
}

extension ResponseStore {
    /// Writes `incoming` in one transaction by DESIGN.md's rule (see `ImportSession`).
    /// `progress` is called every 1,000 responses with (written, total), for a progress line.
    package func importResponses(
        _ incoming: [IncomingResponse], policy: ConflictPolicy, dryRun: Bool, now: String,
        deriveAnswers: AnswerDeriver? = nil, progress: ((Int, Int) -> Void)? = nil
    ) throws -> ImportReport {
        try importResponses(policy: policy, dryRun: dryRun, now: now, deriveAnswers: deriveAnswers) { session in
            for (index, item) in incoming.enumerated() {
                if index % 1000 == 999 { progress?(index + 1, incoming.count) }
                try session.write(item)
            }
        }
    }
}
