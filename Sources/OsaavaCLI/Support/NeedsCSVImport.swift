import Catalog
import Foundation
import Interchange
import Store

/// What `survey import` read and did, for its report.
struct ImportOutcome {
    var header: [String] = []
    var rows = 0
    var responses = 0
    var rejected: [RejectedRow] = []
    var skipped: [SkippedRow] = []
    /// What the database did; nil when the file was refused before the database was opened.
    var report: ImportReport?
}

/// `survey import` of a needs CSV, streamed: the file is read in pieces and each response is
/// written as soon as its rows are read, inside the one transaction that makes the file all or
/// nothing, so that neither the file nor its responses are ever held whole in memory. Reading and
/// writing stop at the first rejected row (unless invalid rows are skipped), though the file is
/// still read to its end to report every rejected row.
struct NeedsCSVImport {
    let catalog: Catalog
    let survey: SurveyDefinition
    let url: URL
    let now: String
    let skipInvalid: Bool
    /// With `skipInvalid`: where the rejected rows go, written before the import commits (a
    /// rejects file that cannot be written leaves nothing imported).
    let rejects: URL?
    let progress: ProgressLine

    /// Imports into the store `open` opens.
    func run(open: () throws -> ResponseStore, policy: ConflictPolicy, dryRun: Bool) throws -> ImportOutcome {
        let store = try open()
        let name = url.lastPathComponent
        var pass = NeedsCSVStream.Pass()
        var outcome = ImportOutcome()
        // About 110 bytes a row in the exports seen; fewer bytes a row only means the index is
        // built the other way.
        let expectedNeeds = FileChunks.size(url) / 128
        let finishing = { progress.show("building the need indexes and committing \(name)") }
        let report = try store.importResponses(
            policy: policy, dryRun: dryRun, now: now, deriveAnswers: catalog.answerDeriver,
            expectedNeeds: expectedNeeds, finishing: finishing
        ) { session in
            let stream = try readAlongside(pass) { imported in
                IncomingResponse(response: imported.response, source: "import:osaava", file: name, line: imported.line)
            } write: {
                try session.write($0)
            } abandon: {
                session.abandon()
            }
            if let next = stream.nextPass, next != pass {
                pass = next
                session.restart()
                return
            }
            outcome = ImportOutcome(
                header: stream.header, rows: stream.rows, responses: stream.responses, rejected: stream.rejected)
            if stream.isRefused || (!stream.rejected.isEmpty && !skipInvalid) {
                session.abandon()
            } else if !stream.rejected.isEmpty, let rejects {
                try RejectsFile.write(header: stream.header, rejected: stream.rejected, to: rejects)
            }
        }
        outcome.report = report
        return outcome
    }

    /// What the reading thread hands to the writing one, in file order.
    private enum Message: Sendable {
        case response(IncomingResponse)
        /// Nothing of this pass will be kept: a row is rejected (and invalid rows are not
        /// skipped), the file is refused, or what is read from now on will be read again.
        case abandon
    }

    /// One pass over the file on a second thread while this one writes what it has read: parsing
    /// and checking the rows, and hashing each response (`make`), overlap SQLite's writing.
    func readAlongside(
        _ pass: NeedsCSVStream.Pass, make: @escaping (ImportedResponse) -> IncomingResponse,
        write: (IncomingResponse) throws -> Void, abandon: () -> Void
    ) throws -> NeedsCSVStream {
        let handoff = Handoff<Message>(capacity: 64)
        let reader = WorkerThread { [self] in
            defer { handoff.close() }
            var abandoned = false
            return try read(pass) { imported in
                // Nothing more of this pass is written once it is abandoned: no need to hand it over.
                guard !abandoned else { return }
                // The writer has stopped (it failed): stop reading too.
                guard handoff.put(.response(make(imported))) else { throw CancellationError() }
            } check: { stream in
                // (also between pieces that bring no response: the rest of a large file is not read
                // for a writer that has failed)
                if handoff.isCancelled { throw CancellationError() }
                let keepNothing = stream.isRefused || (!skipInvalid && !stream.rejected.isEmpty) || stream.mustReadAgain
                if keepNothing && !abandoned { abandoned = handoff.put(.abandon) }
            }
        }
        do {
            while let message = handoff.take() {
                switch message {
                case .response(let incoming): try write(incoming)
                case .abandon: abandon()
                }
            }
        } catch {
            handoff.cancel()
            _ = try? reader.join()
            throw error
        }
        return try reader.join()
    }

    /// One pass over the file; `check` runs after every piece.
    private func read(
        _ pass: NeedsCSVStream.Pass, _ emit: (ImportedResponse) throws -> Void,
        check: (NeedsCSVStream) throws -> Void
    ) throws -> NeedsCSVStream {
        var stream = NeedsCSVStream(catalog: catalog, survey: survey, now: now, pass: pass)
        let total = max(FileChunks.size(url), 1)
        try FileChunks.forEach(url) { chunk, done in
            try stream.read(chunk, emit)
            try check(stream)
            progress.show("reading \(url.lastPathComponent): \(done * 100 / total)%, \(stream.rows) rows")
        }
        try stream.finish(emit)
        try check(stream)
        return stream
    }
}
