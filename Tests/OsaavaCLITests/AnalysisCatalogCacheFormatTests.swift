import Catalog
import Testing

@testable import OsaavaCLI

/// The catalogue cache's optional parts: read back whole when asked for, skipped (and empty)
/// otherwise, and a cache cut short is refused rather than read in part.
@Suite struct AnalysisCatalogCacheFormatTests {
    static func cached() throws -> (Catalog, [UInt8]) {
        let catalog = try CatalogFiles.load(from: OsaavaBinary.root)
        var writer = CacheWriter()
        writer.write(catalog, key: "key")
        return (catalog, writer.bytes)
    }

    @Test func thePartsAskedForAreReadBackAndTheOthersSkipped() throws {
        let (catalog, bytes) = try Self.cached()
        #expect(!catalog.courses.isEmpty && !catalog.infrastructures.isEmpty)
        for parts in [[], [.courses], [.infrastructures], [.courses, .infrastructures]] as [AnalysisCatalogParts] {
            var reader = CacheReader(bytes)
            let catalogRead = reader.catalog(key: "key", parts: parts)
            let read = try #require(catalogRead)
            #expect(
                read.courses.map(\.code) == (parts.contains(.courses) ? catalog.courses.map(\.code) : []),
                "\(parts)")
            #expect(
                read.courses.map(\.capacity) == (parts.contains(.courses) ? catalog.courses.map(\.capacity) : []))
            #expect(
                read.infrastructures.map(\.code)
                    == (parts.contains(.infrastructures) ? catalog.infrastructures.map(\.code) : []), "\(parts)")
            // And the rest of the catalogue is read the same whatever the parts
            #expect(read.skills.map(\.code) == catalog.skills.map(\.code))
            #expect(read.settings.minRespondents == catalog.settings.minRespondents)
        }
    }

    @Test func onlyGapsReadTheCoursesAndOnlyChallengesTheInfrastructures() {
        // (The end-to-end test compares each command's output from the cache and from the files;
        // the demo's challenges name one infrastructure each, so their order cannot show there.)
        func parts(_ question: AnalyzeRequest.Question) -> AnalysisCatalogParts {
            AnalyzeRequest(question: question).parts
        }
        #expect(parts(.gaps) == [.courses])
        #expect(parts(.challenges) == [.infrastructures])
        for question in [.needs(by: "skill", source: .auto), .shared, .trends(by: "region")]
            as [AnalyzeRequest.Question]
        {
            #expect(parts(question) == [], "\(question)")
        }
    }

    @Test func aCacheWithAnyByteChangedIsRefused() throws {
        let (_, bytes) = try Self.cached()
        for position in stride(from: 0, to: bytes.count, by: 97) {
            for flip in [1, 0x80] as [UInt8] {
                var damaged = bytes
                damaged[position] ^= flip
                var reader = CacheReader(damaged)
                let read = reader.catalog(key: "key", parts: [.courses, .infrastructures])
                #expect(read == nil, "byte \(position) of \(bytes.count) changed")
            }
        }
    }

    @Test func aCacheCutShortOrOfAnotherKeyIsRefused() throws {
        let (_, bytes) = try Self.cached()
        for cut in [bytes.count - 1, bytes.count / 2, bytes.count - 9] {
            for parts in [[], [.courses, .infrastructures]] as [AnalysisCatalogParts] {
                var reader = CacheReader(bytes[..<cut])
                let read = reader.catalog(key: "key", parts: parts)
                #expect(read == nil, "cut at \(cut) of \(bytes.count)")
            }
        }
        var reader = CacheReader(bytes)
        let read = reader.catalog(key: "another", parts: [])
        #expect(read == nil)
    }
}
