import Foundation
import Reports
import Testing

/// The demo report's HTML as a person sees it: headless Chromium at phone and desktop widths
/// (screenshots, no console errors, no page-wide sideways scrolling, every chart titled) and
/// printed to A4 PDF (pdftotext finds the headings; a sane page count). `RECORD_SCREENSHOTS=1`
/// copies the screenshots to docs/screenshots/ (and fails, so it is never silent).
@Suite(.serialized) struct BrowserCheckTests {
    private static let widths = [("phone", 390, 844, "fi"), ("desktop", 1280, 900, "en")]

    private func page(_ language: String, in folder: URL) throws -> URL {
        let url = folder.appendingPathComponent("report-\(language).html")
        try ReportFixtures.data(try ReportFixtures.demo(), .html, language: language).write(to: url)
        return url
    }

    @Test(arguments: widths)
    func screenshotsShowThePageWithoutConsoleErrors(
        device: String, width: Int, height: Int, language: String
    ) throws {
        // Given the demo report's page
        let folder = try ReportFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let html = try page(language, in: folder)
        let png = folder.appendingPathComponent("report-\(device)-\(language).png")

        // When Chromium opens it at the device's size, logging the console to stderr
        let run = try ExternalTools.chromium([
            "--enable-logging=stderr", "--v=0", "--screenshot=\(png.path)", "--window-size=\(width),\(height)",
            html.absoluteString,
        ])

        // Then a screenshot of that size exists and the page wrote nothing to the console
        #expect(run.status == 0, "\(run.stderr)")
        let data = try Data(contentsOf: png)
        let size = try #require(ExternalTools.pngSize(data))
        #expect(size.width == width && size.height == height)
        #expect(data.count > 20_000, "a blank page compresses to almost nothing")
        let console = run.stderr.components(separatedBy: "\n").filter {
            $0.contains(":CONSOLE(") || $0.contains("Uncaught") || $0.contains("Failed to load resource")
        }
        #expect(console.isEmpty, "\(console)")
        if ProcessInfo.processInfo.environment["RECORD_SCREENSHOTS"] == "1" {
            let target = ReportFixtures.root.appendingPathComponent("docs/screenshots/\(png.lastPathComponent)")
            try FileManager.default.createDirectory(
                at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? FileManager.default.removeItem(at: target)
            try FileManager.default.copyItem(at: png, to: target)
            Issue.record("recorded \(target.path); look at it, then run again without RECORD_SCREENSHOTS=1")
        }
    }

    @Test func thePhoneNeverScrollsThePageSideways() throws {
        // Given the demo page in a 390-pixel-wide frame of a probe page that writes the framed
        // document's widths into its own title (headless windows are at least 500 pixels wide)
        let folder = try ReportFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let html = try page("fi", in: folder)
        let probe = folder.appendingPathComponent("probe.html")
        let script =
            "document.getElementById('f').addEventListener('load',function(){var d=this.contentDocument"
            + ".documentElement;document.title='scroll '+d.scrollWidth+' client '+d.clientWidth;});"
        let text =
            "<!DOCTYPE html><html><head><title>probe</title></head><body style=\"margin:0\">"
            + "<iframe id=\"f\" src=\"\(html.lastPathComponent)\" style=\"width:390px;height:844px;border:0\"></iframe>"
            + "<script>\(script)</script></body></html>"
        try Data(text.utf8).write(to: probe)

        // When Chromium lays it out
        let run = try ExternalTools.chromium([
            "--allow-file-access-from-files", "--virtual-time-budget=5000", "--dump-dom", probe.absoluteString,
        ])

        // Then the page is no wider than the screen (wide tables and the heat map scroll inside their box)
        let match = try #require(
            run.output.firstMatch(of: /<title>scroll (\d+) client (\d+)<\/title>/), "\(run.stderr)")
        #expect(Int(match.1) == 390 && Int(match.2) == 390, "scroll width \(match.1), client width \(match.2)")
    }

    @Test func everyChartKeepsItsTitleAndDescriptionInTheBrowser() throws {
        // Given the page as Chromium parsed it
        let folder = try ReportFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try ExternalTools.chromium(["--dump-dom", try page("sv", in: folder).absoluteString])
        #expect(run.status == 0, "\(run.stderr)")
        let charts = run.output.components(separatedBy: "<svg ").dropFirst()

        // Then there is every chart of the report, each an image with a non-empty title and description
        let expected = ReportContent(try ReportFixtures.demo(), language: "sv").charts.count
        #expect(expected >= 3)
        #expect(charts.count == expected)
        for chart in charts {
            #expect(chart.contains("role=\"img\""))
            #expect(chart.contains(/<title id="[a-z-]+">[^<]+<\/title>/))
            #expect(chart.contains(/<desc id="[a-z-]+">[^<]{20,}<\/desc>/))
        }
    }

    @Test func thePrintedPDFHasEveryHeadingOnASaneNumberOfA4Pages() throws {
        // Given the demo page in English
        let folder = try ReportFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let html = try page("en", in: folder)
        let pdf = folder.appendingPathComponent("report.pdf")

        // When Chromium prints it
        let run = try ExternalTools.chromium([
            "--no-pdf-header-footer", "--print-to-pdf=\(pdf.path)", html.absoluteString,
        ])
        #expect(run.status == 0, "\(run.stderr)")

        // Then the PDF has between 3 and 20 A4 pages and its text has the title and every heading
        let info = try ExternalTools.run(try ExternalTools.require("pdfinfo"), [pdf.path]).output
        let pages = try #require(info.firstMatch(of: /Pages:\s+(\d+)/).flatMap { Int($0.1) })
        #expect((3...20).contains(pages), "\(pages) pages")
        #expect(info.contains(/Page size:\s+59[45](\.\d+)? x 841(\.\d+)? pts \(A4\)/), "\(info)")
        let text = try ExternalTools.run(try ExternalTools.require("pdftotext"), [pdf.path, "-"]).output
        let words = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        let content = ReportContent(try ReportFixtures.demo(), language: "en")
        for heading in [content.title, content.methodsTitle] + content.tables.map(\.title) {
            let normalised = heading.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            #expect(words.contains(normalised), "\(heading)")
        }
        #expect(words.contains("SYNTHETIC"))
    }
}
