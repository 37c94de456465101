import Catalog
import Foundation
import Interchange
import Survey
import Testing

/// The streamed needs CSV reader must read a file the same however its bytes are cut into pieces:
/// a piece may end inside a quoted field, between CR and LF, inside a multi-byte character or the
/// header. Each case is read whole (`NeedsCSVReader`, one piece) and then in pieces.
@Suite struct NeedsCSVStreamTests {
    private struct Result: Equatable {
        var header: [String]
        var rows: Int
        var responses: [SurveyResponse]
        var lines: [Int]
        var rejected: [String]
        var refused: Bool
    }

    /// Reads `bytes` in pieces of the given sizes (cycled), pass after pass as the stream asks.
    private static func read(_ bytes: [UInt8], pieces: [Int], catalog: Catalog) throws -> Result {
        let survey = try #require(catalog.survey(ImportFixtures.survey))
        var pass = NeedsCSVStream.Pass()
        while true {
            var stream = NeedsCSVStream(catalog: catalog, survey: survey, now: ImportFixtures.now, pass: pass)
            var responses: [ImportedResponse] = []
            var offset = 0
            var turn = 0
            try bytes.withUnsafeBufferPointer { all in
                while offset < all.count {
                    let size = min(max(pieces[turn % pieces.count], 1), all.count - offset)
                    turn += 1
                    try stream.read(UnsafeBufferPointer(rebasing: all[offset..<offset + size])) { responses.append($0) }
                    offset += size
                }
            }
            try stream.finish { responses.append($0) }
            if let next = stream.nextPass, next != pass {
                pass = next
                continue
            }
            return Result(
                header: stream.header, rows: stream.rows, responses: responses.map(\.response),
                lines: responses.map(\.line), rejected: stream.rejected.map(\.description),
                refused: stream.isRefused)
        }
    }

    private static func whole(_ bytes: [UInt8], catalog: Catalog) throws -> Result {
        let survey = try #require(catalog.survey(ImportFixtures.survey))
        let batch = NeedsCSVReader(catalog: catalog, survey: survey, now: ImportFixtures.now).read(Data(bytes))
        return Result(
            header: batch.header, rows: batch.rows, responses: batch.responses.map(\.response),
            lines: batch.responses.map(\.line), rejected: batch.rejected.map(\.description),
            refused: batch.rejected.contains { $0.line <= 1 && batch.responses.isEmpty })
    }

    /// Seeded responses of the real interview, written as a needs CSV (with names that need quoting).
    private static func csv(seed: UInt64, count: Int, catalog: Catalog) throws -> String {
        let survey = try #require(catalog.survey(ImportFixtures.survey))
        let responses = try SyntheticResponses(survey: survey, catalog: catalog, seed: seed)
            .make(count: count, now: ImportFixtures.now)
        let names = ["Akku, \"Nord\" Oy", "Kemi\r\nTehdas", "Öljy ja Ääni Ab", "Plain Oy"]
        return NeedsCSV.write(responses.enumerated().map { ($1, names[$0 % names.count] + " \($0)") })
    }

    private static let cuts: [[Int]] = [[1], [2], [3], [7], [13, 1, 64], [4096], [1, 1, 2, 3, 5, 8, 13, 21]]

    @Test(arguments: [UInt64(1), 2, 3])
    func anyCutIntoPiecesReadsTheSameAsTheWholeFile(seed: UInt64) throws {
        let catalog = try ImportFixtures.catalog()
        let bytes = Array(try Self.csv(seed: seed, count: 12, catalog: catalog).utf8)
        let expected = try Self.whole(bytes, catalog: catalog)
        #expect(expected.responses.count == 12)
        #expect(expected.rejected.isEmpty)
        #expect(expected.rows == expected.responses.reduce(0) { $0 + $1.needs.count })
        for pieces in Self.cuts {
            #expect(try Self.read(bytes, pieces: pieces, catalog: catalog) == expected, "pieces \(pieces)")
        }
    }

    @Test func aResponseWhoseRowsAreScatteredIsGatheredWhateverTheCuts() throws {
        // Given a file sorted by skill, so that each response's rows are apart
        let catalog = try ImportFixtures.catalog()
        let text = try Self.csv(seed: 7, count: 6, catalog: catalog)
        var lines = text.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        let header = lines.removeFirst()
        // (the names with line breaks are quoted over two lines: keep only single-line records)
        lines = lines.filter { !$0.contains("Kemi") && !$0.hasPrefix("Tehdas") }
        let sorted = [header] + lines.sorted { $0.split(separator: ",")[5] < $1.split(separator: ",")[5] }
        let bytes = Array((sorted.joined(separator: "\r\n") + "\r\n").utf8)

        // When it is read whole and in pieces
        let expected = try Self.whole(bytes, catalog: catalog)

        // Then every response is whole, with all its needs, whatever the cuts
        #expect(expected.rejected.isEmpty)
        #expect(expected.responses.reduce(0) { $0 + $1.needs.count } == lines.count)
        #expect(Set(expected.responses.map(\.id)).count == expected.responses.count)
        for pieces in Self.cuts {
            #expect(try Self.read(bytes, pieces: pieces, catalog: catalog) == expected, "pieces \(pieces)")
        }
    }

    @Test func windows1252BytesLateInTheFileMakeTheWholeFileWindows1252() throws {
        // Given a file whose only non-ASCII bytes (ä in Windows-1252) are in its last response
        let catalog = try ImportFixtures.catalog()
        let text = try Self.csv(seed: 11, count: 8, catalog: catalog)
            .replacingOccurrences(of: "Öljy ja Ääni Ab", with: "Oljy")
            .replacingOccurrences(of: "Akku, \"Nord\" Oy", with: "Akku")
        let parts = text.components(separatedBy: "Plain Oy 7")
        #expect(parts.count > 1)
        let bytes =
            Array(parts[0].utf8) + parts.dropFirst().flatMap { Array("Pl".utf8) + [0xE4] + Array("in Oy 7\($0)".utf8) }
        let first = try #require(bytes.firstIndex { $0 >= 0x80 })
        #expect(first > bytes.count * 3 / 4)

        // When it is read whole and in pieces
        let expected = try Self.whole(bytes, catalog: catalog)

        // Then the byte is read as "ä", and the cut changes nothing
        #expect(expected.rejected.isEmpty)
        #expect(expected.responses.contains { $0.organisation.name == "Pläin Oy 7" })
        for pieces in Self.cuts {
            #expect(try Self.read(bytes, pieces: pieces, catalog: catalog) == expected, "pieces \(pieces)")
        }
    }

    @Test func aBadRowLateInTheFileIsRejectedWithItsLineWhateverTheCuts() throws {
        // Given a valid file with one unknown skill code in its last row
        let catalog = try ImportFixtures.catalog()
        var lines = try Self.csv(seed: 5, count: 5, catalog: catalog).components(separatedBy: "\r\n")
        while lines.last == "" { lines.removeLast() }
        var fields = lines[lines.count - 1].components(separatedBy: ",")
        fields[5] = "NOPE99"
        lines[lines.count - 1] = fields.joined(separator: ",")
        let bytes = Array((lines.joined(separator: "\r\n") + "\r\n").utf8)

        // When it is read whole and in pieces
        let expected = try Self.whole(bytes, catalog: catalog)

        // Then that row is rejected, naming its line (two lines a record with a line break in a name)
        #expect(expected.rejected.count == 1)
        let physicalLine = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).count - 1
        #expect(expected.rejected.first?.hasPrefix("line \(physicalLine)") == true, "\(expected.rejected)")
        #expect(expected.rejected.first?.contains("NOPE99") == true)
        for pieces in Self.cuts {
            #expect(try Self.read(bytes, pieces: pieces, catalog: catalog) == expected, "pieces \(pieces)")
        }
    }
}
