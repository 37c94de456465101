import Analysis
import Catalog
import CatalogFixtures
import Foundation
import Reports
import Testing

@Suite struct MarkdownReportTests {
    private func report(_ records: [NeedRecord]) throws -> SteeringReport {
        let catalog = try ShippedCatalog.load()
        return SteeringReport(
            catalog: catalog, records: records, responses: 12, synthetic: false,
            surveys: ["battery-competence-2026"], rounds: ["2026"], minRespondents: 3, paths: [],
            provenance: Provenance(
                command: "osaava report", rounds: ["2026"], responses: 12, catalog: "0123456789abcdef",
                data: "fedcba9876543210"))
    }

    /// Compares with `Golden/<name>`; with RECORD_SNAPSHOTS=1 writes it instead and fails, so that
    /// recording is never silent.
    private func assertGolden(_ text: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws
    {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/\(name)")
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
            try Data(text.utf8).write(to: url)
            Issue.record(
                "recorded \(url.path); check it, then run again without RECORD_SNAPSHOTS",
                sourceLocation: sourceLocation)
            return
        }
        guard let golden = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record(
                "no golden file \(url.path): record it with RECORD_SNAPSHOTS=1", sourceLocation: sourceLocation)
            return
        }
        if golden != text {
            let ours = text.components(separatedBy: "\n")
            let theirs = golden.components(separatedBy: "\n")
            let line =
                zip(ours, theirs).enumerated().first { $0.element.0 != $0.element.1 }?.offset
                ?? min(ours.count, theirs.count)
            Issue.record(
                "\(name) differs from the golden file at line \(line + 1):\n  golden: \(line < theirs.count ? theirs[line] : "<end>")\n  actual: \(line < ours.count ? ours[line] : "<end>")\nIf the change is intended, record it with RECORD_SNAPSHOTS=1.",
                sourceLocation: sourceLocation)
        }
    }

    @Test(arguments: ["fi", "sv", "en"])
    func steeringReportMatchesItsGoldenFile(_ language: String) throws {
        // Given the fixed record set and the shipped catalogue
        let report = try report(ReportRecords.fixed)

        // When the report is rendered
        let text = MarkdownReport(report, language: language).render()

        // Then it is byte for byte the reviewed golden file
        try assertGolden(text, "steering-report.\(language).md")
    }

    @Test(arguments: ["fi", "sv", "en"])
    func suppressedCellsNeverReachTheReport(_ language: String) throws {
        // Given REC06 needed by two organisations in Pori, 777 people between them
        let report = try report(ReportRecords.fixed)
        #expect(report.bySkill.cell(["REC06"])?.isSuppressed == true)

        // When the report is rendered
        let text = MarkdownReport(report, language: language).render()

        // Then 777 appears nowhere, while published figures do (RAW04: 400 + 800 + 1 200 = 2 400 people)
        #expect(!text.contains("777"))
        #expect(!text.contains("700") && !text.contains(" 77 "))
        #expect(text.contains("| \(NumberStyle(language: language).integer(2400)) |"))
        #expect(text.contains("| .. |"))
    }

    @Test func syntheticDataIsAnnouncedFirst() throws {
        // Given a report over synthetic data
        var report = try report(ReportRecords.fixed)
        report.synthetic = true

        // Then the warning comes right after the title
        let text = MarkdownReport(report, language: "en").render()
        let lines = text.components(separatedBy: "\n")
        #expect(lines.first?.hasPrefix("# ") == true)
        #expect(lines.dropFirst().first { !$0.isEmpty }?.contains("SYNTHETIC") == true)
    }
}
