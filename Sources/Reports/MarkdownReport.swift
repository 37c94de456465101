import Analysis
import Catalog

/// The steering-group summary as Markdown. Every number comes from a suppressed table; a
/// suppressed cell shows `..` (Statistics Finland's symbol for confidential data), explained in a footnote.
package struct MarkdownReport: Sendable {
    package static let suppressedMarker = ".."
    package static let illustrativeMarker = "†"

    let report: SteeringReport
    let language: String
    let number: NumberStyle

    package init(_ report: SteeringReport, language: String) {
        self.report = report
        self.language = language
        number = NumberStyle(language: language)
    }

    var catalog: Catalog { report.catalog }

    func text(_ key: TextKey, _ values: [String: String] = [:]) -> String {
        catalog.texts(key, language, values)
    }

    package func render() -> String {
        var out: [String] = ["# " + text(.reportTitle), ""]
        if report.synthetic { out += ["> **" + text(.reportSynthetic) + "**", ""] }
        out += keyFigures()
        out += needsByGroupAndRegion()
        out += needsBySkill()
        out += sharedNeeds()
        out += paths()
        out += methods()
        return out.joined(separator: "\n") + "\n"
    }

    // MARK: - Sections

    private func keyFigures() -> [String] {
        [
            "## " + text(.reportKeyFigures), "",
            "| | |", "|---|---:|",
            "| \(text(.reportResponses)) | \(number.integer(report.responses)) |",
            "| \(text(.reportOrganisations)) | \(number.integer(report.organisations)) |",
            "| \(text(.reportRegions)) | \(number.integer(report.regionsAnswered)) |",
            "",
        ]
    }

    private func needsByGroupAndRegion() -> [String] {
        let table = report.byGroupAndRegion
        let groups = distinct(table, 0)
        let regions = distinct(table, 1)
        var out = ["## " + text(.reportNeedsByRegion), ""]
        guard !groups.isEmpty else { return out + [text(.reportNone), ""] }
        let header = [text(.reportSkillGroup)] + regions.map(regionName) + [text(.reportTotal)]
        out.append("| " + header.joined(separator: " | ") + " |")
        out.append("|---" + String(repeating: "|---:", count: regions.count + 1) + "|")
        for group in groups + [nil] {
            let name = group.map(groupName) ?? "**\(text(.reportTotal))**"
            let values = (regions + [nil]).map { region in people(table.cell([group, region])) }
            out.append("| " + ([name] + values).joined(separator: " | ") + " |")
        }
        return out + [""]
    }

    private func needsBySkill() -> [String] {
        let table = report.bySkill
        var out = ["## " + text(.reportNeedsBySkill), ""]
        guard !table.inner.isEmpty else { return out + [text(.reportNone), ""] }
        out.append(
            "| \(text(.reportSkill)) | \(text(.reportPeople)) | \(text(.reportRespondents)) | \(text(.reportShare)) | \(text(.reportIndex)) |"
        )
        out.append("|---|---:|---:|---:|---:|")
        let rows = table.inner.sorted {
            ($0.isSuppressed ? 0 : $0.people, $1.keys.description) > (
                $1.isSuppressed ? 0 : $1.people, $0.keys.description
            )
        }
        for cell in rows + [table.grandTotal].compactMap({ $0 }) {
            let name = cell.keys[0].map(skillName) ?? "**\(text(.reportTotal))**"
            if cell.isSuppressed {
                let marker = Self.suppressedMarker
                out.append("| \(name) | \(marker) | \(marker) | \(marker) | \(marker) |")
            } else {
                out.append(
                    "| \(name) | \(number.integer(cell.people)) | \(number.integer(cell.respondents)) | "
                        + "\(number.percent(cell.share)) | \(number.decimal(cell.index)) |")
            }
        }
        return out + [""]
    }

    private func sharedNeeds() -> [String] {
        var out = ["## " + text(.reportSharedNeeds, ["n": String(catalog.settings.sharedRegions)]), ""]
        guard !report.shared.isEmpty else { return out + [text(.reportNone), ""] }
        out.append("| \(text(.reportSkill)) | \(text(.reportRegions)) | \(text(.reportPeople)) |")
        out.append("|---|---|---:|")
        for need in report.shared {
            let regions = need.regions.map(regionName).joined(separator: ", ")
            out.append("| \(skillName(need.skill)) | \(regions) | \(number.integer(need.people)) |")
        }
        return out + [""]
    }

    private func paths() -> [String] {
        var out = ["## " + text(.reportPaths), ""]
        guard !report.paths.isEmpty else { return out + [text(.reportNone), ""] }
        let unit = catalog.settings.creditUnit(catalog.settings.baseCreditUnit)?.name(language) ?? ""
        for path in report.paths {
            out.append("### " + text(.reportPathRegion, ["region": regionName(path.region)]))
            out.append("")
            let status =
                path.provenOptimal
                ? text(.reportPathOptimal) : text(.reportPathNotOptimal, ["reason": path.caveat ?? ""])
            out.append(
                text(
                    .reportPathTotal,
                    ["credits": number.decimal(path.totalCredits), "unit": unit, "terms": String(path.terms)])
                    + " (\(status)).")
            out.append("")
            if !path.lines.isEmpty {
                out.append(
                    "| \(text(.reportTerm, ["n": ""]).trimmingTrailingSpaces) | \(text(.reportInstitution)) | \(text(.reportCourse)) | \(text(.reportCredits)) |"
                )
                out.append("|---:|---|---|---:|")
                for line in path.lines {
                    let mark = line.illustrative ? " " + Self.illustrativeMarker : ""
                    out.append(
                        "| \(line.term) | \(institutionName(line.institution)) | \(courseName(line)) (\(line.course))\(mark) | \(number.decimal(line.credits)) |"
                    )
                }
                out.append("")
            }
            if !path.uncovered.isEmpty {
                out.append(text(.reportPathUncovered) + ":")
                for proposal in path.uncovered {
                    let who = proposal.institutions.map(institutionName).joined(separator: ", ")
                    out.append(
                        "- \(skillName(proposal.skill)), \(text(.reportLevel)) \(proposal.level)"
                            + (who.isEmpty ? "" : " → \(who)"))
                }
                out.append("")
            }
        }
        return out
    }

    private func methods() -> [String] {
        let k = String(report.minRespondents)
        let provenance = report.provenance
        return [
            "## " + text(.reportMethods), "",
            text(
                .reportMethodsSurvey,
                [
                    "survey": report.surveys.joined(separator: ", "), "round": report.rounds.joined(separator: ", "),
                    "responses": number.integer(report.responses),
                    "organisations": number.integer(report.organisations),
                ]),
            "",
            text(.reportMethodsSuppression, ["k": k, "marker": "`\(Self.suppressedMarker)`"]),
            "",
            text(.reportMethodsPaths),
            "",
            text(.reportMethodsIllustrative, ["marker": Self.illustrativeMarker]),
            "",
            "`\(Self.suppressedMarker)` " + text(.reportSuppressedMarker, ["k": k]),
            "",
            "_"
                + text(
                    .reportProvenance,
                    [
                        "command": "`\(provenance.command)`", "rounds": provenance.rounds.joined(separator: ", "),
                        "responses": number.integer(provenance.responses), "catalog": provenance.catalog,
                        "data": provenance.data,
                    ]) + "_",
        ]
    }

    // MARK: - Names and cells

    private func people(_ cell: NeedsCell?) -> String {
        guard let cell else { return "0" }
        return cell.isSuppressed ? Self.suppressedMarker : number.integer(cell.people)
    }

    private func distinct(_ table: NeedsTable, _ position: Int) -> [String] {
        var seen: [String] = []
        for cell in table.inner {
            if let value = cell.keys[position], !seen.contains(value) { seen.append(value) }
        }
        return seen
    }

    func regionName(_ code: String) -> String { catalog.region(code)?.name(language) ?? code }
    func groupName(_ code: String) -> String { catalog.group(code)?.name(language) ?? code }
    func skillName(_ code: String) -> String { catalog.skill(code)?.name(language) ?? code }
    func institutionName(_ code: String) -> String { catalog.institution(code)?.name(language) ?? code }
}

extension MarkdownReport {
    func courseName(_ line: PathSection.Line) -> String {
        catalog.course(line.course)?.name(language) ?? line.name
    }
}
