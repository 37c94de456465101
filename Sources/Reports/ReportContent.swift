import Catalog
import Foundation

/// The steering-group summary in one language, resolved into texts, tables and charts that every
/// format renders the same way. Built from a `SteeringReport`; nothing here reads a file or a clock.
package struct ReportContent: Sendable {
    package static let suppressedMarker = ".."
    package static let illustrativeMarker = "†"

    package var language: String
    package var title: String
    /// Warnings shown first (synthetic data).
    package var notices: [String]
    /// "Generated …", only with `--stamp`.
    package var generated: String?
    /// The time of generation as given (ISO 8601), only with `--stamp`.
    package var stamp: String?
    /// Key figures first, then the sections in reading order.
    package var tables: [ReportTable]
    /// Each chart illustrates the table it names.
    package var charts: [(table: String, chart: ReportChart)]
    package var methodsTitle: String
    package var methods: [String]
    package var texts: ReportTexts
    package var provenance: Provenance
    package var number: NumberStyle

    package func charts(for table: String) -> [ReportChart] {
        charts.filter { $0.table == table }.map(\.chart)
    }
}

/// Texts the renderers need besides the tables, resolved in the report's language.
package struct ReportTexts: Sendable, Hashable {
    package var contents: String
    package var none: String
    /// The suppressed marker's footnote, without the marker.
    package var suppressed: String
    /// The illustrative marker's footnote, without the marker.
    package var illustrative: String
    /// For formats whose suppressed cells are empty (CSV, XLSX).
    package var emptySuppressed: String
    /// "Source: {command}".
    package var source: String
    package var provenance: String
    package var fewer: String
    package var more: String
    /// The XLSX sheet holding the methods.
    package var methodsSheet: String

    package func source(_ command: String) -> String {
        source.replacingOccurrences(of: "{command}", with: command)
    }
}

extension ReportContent {
    /// `stamp` is the time of generation to print (with `--stamp`); nil keeps the bytes reproducible.
    package init(_ report: SteeringReport, language: String, stamp: String? = nil) {
        let build = ContentBuilder(report: report, language: language)
        self.language = language
        title = build.text(.reportTitle)
        notices = report.synthetic ? [build.text(.reportSynthetic)] : []
        generated = stamp.map { build.text(.reportGenerated, ["time": $0]) }
        self.stamp = stamp
        tables = build.tables()
        charts = build.charts()
        methodsTitle = build.text(.reportMethods)
        methods = build.methods()
        let k = String(report.minRespondents)
        texts = ReportTexts(
            contents: build.text(.reportContents), none: build.text(.reportNone),
            suppressed: build.text(.reportSuppressedMarker, ["k": k]),
            illustrative: build.text(.reportMethodsIllustrative, ["marker": Self.illustrativeMarker]),
            emptySuppressed: build.text(.reportEmptySuppressed, ["k": k]), source: build.text(.reportSource),
            provenance: build.provenanceLine(), fewer: build.text(.reportChartFewer),
            more: build.text(.reportChartMore), methodsSheet: build.text(.reportShortMethods))
        provenance = report.provenance
        number = build.number
    }
}

/// Turns the report's figures into tables in one language. Split over several files by section.
struct ContentBuilder {
    let report: SteeringReport
    let language: String
    let number: NumberStyle

    init(report: SteeringReport, language: String) {
        self.report = report
        self.language = language
        number = NumberStyle(language: language)
    }

    var catalog: Catalog { report.catalog }
    var k: Int { report.minRespondents }

    func text(_ key: TextKey, _ values: [String: String] = [:]) -> String {
        catalog.texts(key, language, values)
    }

    func tables() -> [ReportTable] {
        var tables = [keyFigures(), needsByRegion(), needsBySkill(), sharedNeeds()]
        if let gaps = gapTable() { tables.append(gaps) }
        tables += [paths(), newModules()]
        if let services = serviceTable() { tables.append(services) }
        if let consortia = consortiumTable() { tables.append(consortia) }
        return tables
    }

    func charts() -> [(table: String, chart: ReportChart)] {
        var charts = needsCharts().map { (table: "needs-by-region", chart: $0) }
        if let gaps = gapChart() { charts.append((table: "gaps", chart: gaps)) }
        return charts
    }

    /// An equivalent command with the flags every command repeats.
    func provenance(_ command: String) -> Provenance {
        report.provenance.with(command: command + report.commandFlags)
    }

    func provenanceLine() -> String {
        let provenance = report.provenance
        return text(
            .reportProvenance,
            [
                "command": provenance.command, "rounds": provenance.rounds.joined(separator: ", "),
                "responses": number.integer(provenance.responses), "catalog": provenance.catalog,
                "data": provenance.data,
            ])
    }

    // MARK: - Names

    func regionName(_ code: String) -> String { catalog.region(code)?.name(language) ?? code }
    func groupName(_ code: String) -> String { catalog.group(code)?.name(language) ?? code }
    func skillName(_ code: String) -> String { catalog.skill(code)?.name(language) ?? code }
    func institutionName(_ code: String) -> String { catalog.institution(code)?.name(language) ?? code }
    func levelName(_ rank: Int) -> String { catalog.level(rank)?.name(language) ?? String(rank) }

    /// A provider: an institution or an infrastructure of the catalogue, else the code as given.
    func providerName(_ code: String) -> String {
        catalog.institution(code)?.name(language) ?? catalog.infrastructure(code)?.name(language) ?? code
    }

    /// A term of any vocabulary (research challenges, ...), else the code as given.
    func termName(_ code: String) -> String {
        for name in catalog.vocabularies.keys.sorted() {
            if let term = catalog.vocabularies[name]?.terms.first(where: { $0.code == code }) {
                return term.name(language)
            }
        }
        return code
    }

    func regions(_ codes: [String]) -> ReportValue {
        .text(codes.map(regionName).joined(separator: ", "), code: codes.joined(separator: " "))
    }

    func names(_ codes: [String], _ name: (String) -> String) -> ReportValue {
        .text(codes.map(name).joined(separator: ", "), code: codes.joined(separator: " "))
    }

    var yes: String { text(.interviewYes) }
    var no: String { text(.interviewNo) }
}
