import Catalog
import Foundation

/// Reads a whole needs CSV held in memory (the `osaava` dialect, DESIGN.md) into a batch: the
/// small-file way (tests, `ImportReader`). A large file is streamed with `NeedsCSVStream`, the
/// reader this one runs over the bytes, pass after pass until one needs no other.
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
        var pass = NeedsCSVStream.Pass()
        while true {
            var stream = NeedsCSVStream(catalog: catalog, survey: survey, now: now, pass: pass)
            var responses: [ImportedResponse] = []
            // Collecting into an array throws nothing: the stream's own errors are its `rejected`.
            do {
                try data.withUnsafeBytes { raw in
                    try stream.read(raw.bindMemory(to: UInt8.self)) { responses.append($0) }
                }
                try stream.finish { responses.append($0) }
            } catch {
                var batch = ImportBatch(dialect: .osaava)
                batch.rejected = [RejectedRow(line: 0, column: nil, reason: "\(error)")]
                return batch
            }
            if let next = stream.nextPass, next != pass {
                pass = next
                continue
            }
            var batch = ImportBatch(dialect: .osaava)
            batch.header = stream.header
            batch.rows = stream.rows
            batch.rejected = stream.rejected
            if !stream.isRefused { batch.responses = responses }
            return batch
        }
    }
}
