import Catalog

/// Proposed education paths (one group per region) and the new modules proposed for the needs
/// no course covers, merged across regions.
extension ContentBuilder {
    func paths() -> ReportTable {
        let columns = [
            ReportColumn("region", text(.reportRegion), .text),
            ReportColumn("term", text(.reportTerm, ["n": ""]).trimmingTrailingSpaces, .integer),
            ReportColumn("institution", text(.reportInstitution), .text),
            ReportColumn("course", text(.reportCourse), .text), ReportColumn("credits", text(.reportCredits), .decimal),
            ReportColumn("illustrative", text(.reportIllustrative), .text, onPages: false),
            ReportColumn("status", text(.reportStatus), .text, onPages: false),
        ]
        var rows: [ReportRow] = []
        var groups: [ReportGroup] = []
        for path in report.paths {
            let status = status(path)
            for line in path.lines {
                let course = catalog.course(line.course)?.name(language) ?? line.name
                rows.append(
                    ReportRow(
                        [
                            ReportCell(.text(regionName(path.region), code: path.region)),
                            ReportCell(.integer(line.term)),
                            ReportCell(.text(institutionName(line.institution), code: line.institution)),
                            ReportCell(
                                .text("\(course) (\(line.course))", code: line.course), illustrative: line.illustrative),
                            ReportCell(.rounded(line.credits, places: 1)),
                            ReportCell(.text(line.illustrative ? yes : no)), ReportCell(.text(status)),
                        ], group: path.region))
            }
            groups.append(
                ReportGroup(
                    id: path.region, title: text(.reportPathRegion, ["region": regionName(path.region)]),
                    summary: summary(path, status)))
        }
        return ReportTable(
            id: "paths", title: text(.reportPaths), sheetName: text(.reportShortPaths), columns: columns, rows: rows,
            groups: groups, groupColumns: [0], provenance: provenance("osaava plan paths"))
    }

    private func status(_ path: PathSection) -> String {
        path.provenOptimal ? text(.reportPathOptimal) : text(.reportPathNotOptimal, ["reason": path.caveat ?? ""])
    }

    private func summary(_ path: PathSection, _ status: String) -> String {
        let unit = catalog.settings.creditUnit(catalog.settings.baseCreditUnit)?.name(language) ?? ""
        let values = ["credits": number.decimal(path.totalCredits), "unit": unit, "terms": number.integer(path.terms)]
        var line = text(path.terms == 1 ? .reportPathTotalOne : .reportPathTotal, values) + " (\(status))."
        if !path.uncovered.isEmpty {
            line +=
                " "
                + text(
                    .reportPathUncoveredSee,
                    ["n": number.integer(path.uncovered.count), "section": text(.reportNewModules)])
        }
        return line
    }

    /// One row per (skill, level) no course covers, with every region that needs it.
    func newModules() -> ReportTable {
        struct Merged {
            var regions: [String] = []
            var people: Int? = 0
            var institutions: [String] = []
        }
        var merged: [SkillLevel: Merged] = [:]
        var order: [SkillLevel] = []
        for path in report.paths {
            for proposal in path.uncovered {
                let key = SkillLevel(proposal.skill, proposal.level)
                if merged[key] == nil { order.append(key) }
                var entry = merged[key] ?? Merged()
                entry.regions.append(path.region)
                entry.people = proposal.people.flatMap { people in entry.people.map { $0 + people } }
                for institution in proposal.institutions where !entry.institutions.contains(institution) {
                    entry.institutions.append(institution)
                }
                merged[key] = entry
            }
        }
        let skillRank = Dictionary(catalog.skills.enumerated().map { ($1.code, $0) }, uniquingKeysWith: { a, _ in a })
        let sorted = order.sorted { a, b in
            let x = merged[a] ?? Merged()
            let y = merged[b] ?? Merged()
            return (y.regions.count, y.people ?? 0, skillRank[a.skill] ?? .max, a.level)
                < (x.regions.count, x.people ?? 0, skillRank[b.skill] ?? .max, b.level)
        }
        let columns = [
            ReportColumn("skill", text(.reportSkill), .text), ReportColumn("level", text(.reportLevel), .text),
            ReportColumn("region-count", text(.reportRegionCount), .integer),
            ReportColumn("regions", text(.reportRegions), .text), ReportColumn("people", text(.reportPeople), .integer),
            ReportColumn("institutions", text(.reportBestPlaced), .text),
        ]
        let rows = sorted.map { key -> ReportRow in
            let entry = merged[key] ?? Merged()
            return ReportRow([
                ReportCell(.text(skillName(key.skill), code: key.skill)),
                ReportCell(.text(levelName(key.level), code: String(key.level))),
                ReportCell(.integer(entry.regions.count)), ReportCell(regions(entry.regions)),
                ReportCell(entry.people.map { .integer($0) } ?? .empty),
                ReportCell(names(entry.institutions, institutionName)),
            ])
        }
        return ReportTable(
            id: "new-modules", title: text(.reportNewModules), sheetName: text(.reportShortNewModules),
            columns: columns, rows: rows, provenance: provenance("osaava plan paths"))
    }
}
