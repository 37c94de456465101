import Foundation
import Testing

/// Golden files of the reports in Tests/ReportsTests/Golden, recorded only on request:
/// `RECORD_SNAPSHOTS=1 swift test --filter ReportsTests` writes them and fails, so it is never silent.
enum ReportGolden {
    static let folder = ReportFixtures.root.appendingPathComponent("Tests/ReportsTests/Golden")

    static var recording: Bool { ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" }

    /// Compares `data` with the golden file `name` (a path inside Golden/), byte for byte.
    static func check(_ data: Data, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = folder.appendingPathComponent(name)
        if recording {
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url)
            Issue.record("recorded \(name); run again without RECORD_SNAPSHOTS=1", sourceLocation: sourceLocation)
            return
        }
        guard let golden = FileManager.default.contents(atPath: url.path) else {
            Issue.record(
                "no golden file \(name): record it with RECORD_SNAPSHOTS=1 swift test --filter ReportsTests",
                sourceLocation: sourceLocation)
            return
        }
        if golden != data {
            let expected = String(decoding: golden, as: UTF8.self).components(separatedBy: "\n")
            let actual = String(decoding: data, as: UTF8.self).components(separatedBy: "\n")
            let line =
                zip(expected, actual).enumerated().first { $0.element.0 != $0.element.1 }?.offset
                ?? min(expected.count, actual.count)
            let want = line < expected.count ? expected[line] : "<end of file>"
            let got = line < actual.count ? actual[line] : "<end of file>"
            let message = "\(name) differs at line \(line + 1):\n  golden: \(want)\n  actual: \(got)"
            Issue.record(
                "\(message)\nIf the change is intended, re-record with RECORD_SNAPSHOTS=1.",
                sourceLocation: sourceLocation)
        }
    }
}
