import Catalog
import Foundation
import Interchange
import Store
import Testing

@testable import OsaavaCLI

/// The import's reading thread and its writing thread: a writer that fails stops the reader.
@Suite struct NeedsCSVReadAlongsideTests {
    struct DiskFull: Error {}

    @Test func aFailingWriterStopsTheReaderAndItsErrorIsTheOneReported() throws {
        // Given a needs CSV of 20,000 responses (~10 MB: more than two of the reader's 4 MiB pieces)
        let catalog = try CatalogFiles.load(from: OsaavaBinary.root)
        let survey = try #require(catalog.survey("battery-competence-2026"))
        var text = NeedsCSVImportEndToEndTests.header + "\r\n"
        for number in 0..<20_000 {
            for need in 0..<5 {
                text +=
                    "w\(number),Org \(number),vaasa,chemicals,small,RAW04,2,\(1 + need),now,1,module,"
                    + "battery-competence-2026,2026\r\n"
            }
        }
        let folder = try OsaavaBinary.temporaryFolder()
        let file = folder.appendingPathComponent("large.csv")
        try text.write(to: file, atomically: true, encoding: .utf8)
        #expect(text.utf8.count > 2 * FileChunks.chunkSize)
        let importer = NeedsCSVImport(
            catalog: catalog, survey: survey, url: file, now: "2026-11-26T00:00:00Z", skipInvalid: false,
            rejects: nil, progress: ProgressLine(console: ScriptedConsole()))

        // When the writer fails at its fifth response (as a full disk would make it)
        let made = Counter()
        var written = 0
        #expect(throws: DiskFull.self) {
            _ = try importer.readAlongside(NeedsCSVStream.Pass()) { imported in
                made.add()
                return IncomingResponse(response: imported.response, source: "test")
            } write: { _ in
                written += 1
                if written == 5 { throw DiskFull() }
            } abandon: {
            }
        }

        // Then the reader stopped soon after: at most the queue's 64 responses (and the one it
        // was handing over) were made past the failure, not the file's 20,000
        #expect(written == 5)
        #expect(made.value <= 5 + 64 + 1, "\(made.value) responses made")
    }
}

/// A count shared by the reading thread and the test.
private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func add() { lock.withLock { count += 1 } }
    var value: Int { lock.withLock { count } }
}
