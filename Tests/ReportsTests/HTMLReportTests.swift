import Foundation
import Reports
import Testing

/// The HTML page: self-contained, accessible (language, scoped headers, captions, charts with
/// titles and text alternatives, contrast) and never showing a suppressed value in a chart.
struct HTMLReportTests {
    private func page(_ language: String = "fi") throws -> String {
        try ReportFixtures.text(try ReportFixtures.small(), .html, language: language)
    }

    @Test(arguments: ReportFixtures.languages)
    func thePageDeclaresItsLanguage(language: String) throws {
        // When the page is rendered in a language
        let html = try page(language)

        // Then the document says so, and is UTF-8 with a viewport for phones
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"\(language)\">"))
        #expect(html.contains("<meta charset=\"utf-8\">"))
        #expect(html.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"))
    }

    @Test func thePageFetchesNothingAndRunsNoScript() throws {
        // Given the page
        let html = try page()

        // Then it has no script, no linked resource, no image file, no external URL but namespaces
        for forbidden in ["<script", "<link", "<img", "<iframe", "@import", "src=", "url(http"] {
            #expect(!html.contains(forbidden), "\(forbidden)")
        }
        let urls = html.components(separatedBy: "http").dropFirst().map { String($0.prefix(40)) }
        #expect(urls.allSatisfy { $0.hasPrefix("://www.w3.org/2000/svg") }, "\(urls)")
        #expect(html.contains("<style>") && html.contains("@media print") && html.contains("size:A4"))
    }

    @Test func everyTableHasACaptionAndScopedHeaders() throws {
        // Given the page
        let html = try page()
        let tables = html.components(separatedBy: "<table>").dropFirst()

        // Then each table has a caption, column headers with scope=col and row headers with scope=row
        #expect(tables.count >= 8)
        for table in tables {
            let body = String(table.prefix { _ in true }).components(separatedBy: "</table>")[0]
            #expect(body.hasPrefix("\n<caption>"))
            #expect(body.contains("<th scope=\"col\""))
            #expect(body.contains("<th scope=\"row\""))
            #expect(!body.contains("<th>"))
        }
    }

    @Test func everyChartIsAnImageWithATitleAndADescriptionOfItsData() throws {
        // Given the page
        let html = try page("en")
        let charts = html.components(separatedBy: "<svg ").dropFirst()

        // Then there are the two bar charts, the heat map and the gap chart, each role=img, titled,
        // labelled by its title and description, and the description names every region's value
        #expect(charts.count == 4)
        for chart in charts {
            #expect(chart.contains("role=\"img\""))
            let title = try #require(chart.firstMatch(of: /<title id="([a-z-]+)-title">([^<]+)<\/title>/))
            #expect(!title.2.isEmpty)
            #expect(chart.contains("aria-labelledby=\"\(title.1)-title \(title.1)-desc\""))
            #expect(chart.contains("<desc id=\"\(title.1)-desc\">"))
        }
        #expect(html.contains("<desc id=\"chart-by-region-desc\">Bar chart: Kokkola"))
        #expect(html.contains("Other region suppressed (..)"))
    }

    @Test func suppressedHeatMapCellsAreHatchedAndShowOnlyTheMarker() throws {
        // Given the page of a report whose Kokkola cell-manufacturing cell has one organisation
        let html = try page("en")
        let heat = try #require(html.components(separatedBy: "<svg ").first { $0.contains("class=\"chart heat\"") })

        // Then hatched cells carry the marker and no number, and the legend explains the marker
        let hatched = heat.components(separatedBy: "<g><rect").dropFirst().filter {
            $0.contains("url(#chart-heat-map-hatch)")
        }
        #expect(!hatched.isEmpty)
        for cell in hatched { #expect(cell.contains(">..</text>"), "\(cell)") }
        #expect(heat.contains(".. = suppressed"))
        // And the table footnote explains it too
        #expect(html.contains("<span class=\"sup\">..</span> Suppressed: fewer than 3 organisations"))
    }

    @Test func textOnEveryChartColourHasContrastOfAtLeastFourAndAHalf() {
        // Given every fill the charts put text on (heat classes and the page)
        let fills = ChartPalette.classes + [ChartPalette.paper]

        // Then the ink chosen for each reaches WCAG AA for normal text, and so do the page's greys
        for fill in fills {
            #expect(Contrast.ratio(ChartPalette.text(on: fill), fill) >= 4.5, "\(fill)")
        }
        #expect(Contrast.ratio(ChartPalette.muted, "#f1f4f8") >= 4.5)
        #expect(Contrast.ratio("#3b2c00", "#fff3c4") >= 4.5)
        #expect(Contrast.ratio("#0b4a8b", "#ffffff") >= 4.5)
        #expect(Contrast.ratio(ChartPalette.bar, ChartPalette.paper) >= 3, "bars against the page")
        #expect(abs(Contrast.ratio("#000000", "#ffffff") - 21) < 0.001)
    }

    @Test func heatClassesSpreadFromTheSmallestToTheLargestValue() {
        // Then zero and small values take the lightest class and the maximum the darkest
        #expect(ChartPalette.heatClass(0, maximum: 200) == 0)
        #expect(ChartPalette.heatClass(1, maximum: 200) == 0)
        #expect(ChartPalette.heatClass(100, maximum: 200) == 2)
        #expect(ChartPalette.heatClass(200, maximum: 200) == 4)
        #expect(ChartPalette.heatClass(5, maximum: 0) == 0)
    }

    @Test func sectionsWithoutRowsSayNone() throws {
        // Given a report without paths and with empty optional sections
        var report = try ReportFixtures.small()
        report.paths = []
        report.consortia = []
        report.gaps = nil

        // When it is rendered
        let html = try ReportFixtures.text(report, .html, language: "sv")

        // Then the empty sections say "Inga." and the section without data is left out
        #expect(html.contains("<h2 id=\"paths-title\">Föreslagna utbildningsvägar</h2>\n<p>Inga.</p>"))
        #expect(html.contains("<h2 id=\"consortia-title\">Konsortiekandidater</h2>\n<p>Inga.</p>"))
        #expect(!html.contains("id=\"gaps\""))
    }
}
