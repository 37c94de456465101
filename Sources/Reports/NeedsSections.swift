import Analysis
import Catalog

/// Key figures, needs by region × skill group (with its charts), needs by skill, shared needs.
extension ContentBuilder {
    func keyFigures() -> ReportTable {
        var rows: [ReportRow] = [
            figure("responses", .reportResponses, .integer(report.responses)),
            figure("organisations", .reportOrganisations, .integer(report.organisations)),
            figure("regions", .reportRegions, .integer(report.regionsAnswered)),
            figure("needs", .reportNeeds, .integer(report.needs)),
            figure("people", .reportPeople, people(report.byGroupAndRegion.grandTotal)),
        ]
        if let contacted = report.contacted {
            rows.append(figure("contacted", .reportContacted, .integer(contacted)))
            let answered = report.contactsAnswered ?? 0
            let rate: ReportValue = contacted > 0 ? .share(Double(answered) / Double(contacted)) : .empty
            rows.append(figure("response-rate", .reportResponseRate, rate))
        }
        return ReportTable(
            id: "key-figures", title: text(.reportKeyFigures), sheetName: text(.reportShortKeyFigures),
            columns: [
                ReportColumn("figure", text(.reportFigure), .text), ReportColumn("value", text(.reportValue), .integer),
            ],
            rows: rows, provenance: report.provenance)
    }

    private func figure(_ id: String, _ key: TextKey, _ value: ReportValue) -> ReportRow {
        ReportRow([ReportCell(.text(text(key), code: id)), ReportCell(value)])
    }

    /// People in a cell: a missing cell is a true zero; a suppressed one shows no number.
    func people(_ cell: NeedsCell?) -> ReportValue {
        guard let cell else { return .integer(0) }
        return cell.isSuppressed ? .suppressed : .integer(cell.people)
    }

    var groupsAndRegions: (groups: [String], regions: [String]) {
        let table = report.byGroupAndRegion
        return (distinct(table, 0), distinct(table, 1))
    }

    func needsByRegion() -> ReportTable {
        let table = report.byGroupAndRegion
        let (groups, regions) = groupsAndRegions
        let columns =
            [ReportColumn("skill-group", text(.reportSkillGroup), .text)]
            + regions.map { ReportColumn($0, regionName($0), .integer) }
            + [ReportColumn("total", text(.reportTotal), .integer)]
        var rows: [ReportRow] = []
        if !groups.isEmpty {
            for group in groups.map(Optional.some) + [nil] {
                let name = ReportCell(.text(group.map(groupName) ?? text(.reportTotal), code: group ?? "*"))
                let values = (regions.map(Optional.some) + [nil]).map { ReportCell(people(table.cell([group, $0]))) }
                rows.append(ReportRow([name] + values, isTotal: group == nil))
            }
        }
        return ReportTable(
            id: "needs-by-region", title: text(.reportNeedsByRegion), sheetName: text(.reportShortNeedsByRegion),
            columns: columns, rows: rows,
            provenance: provenance("osaava analyze needs --by skill-group,region"))
    }

    func needsBySkill() -> ReportTable {
        let table = report.bySkill
        let columns = [
            ReportColumn("skill", text(.reportSkill), .text), ReportColumn("people", text(.reportPeople), .integer),
            ReportColumn("respondents", text(.reportRespondents), .integer),
            ReportColumn("share", text(.reportShare), .percent), ReportColumn("index", text(.reportIndex), .decimal),
        ]
        let inner = table.inner.sorted {
            ($0.isSuppressed ? 0 : $0.people, $1.keys.description) > (
                $1.isSuppressed ? 0 : $1.people, $0.keys.description
            )
        }
        var rows: [ReportRow] = []
        if !inner.isEmpty {
            for cell in inner + [table.grandTotal].compactMap({ $0 }) {
                let skill = cell.keys[0]
                let name = ReportCell(.text(skill.map(skillName) ?? text(.reportTotal), code: skill ?? "*"))
                let values: [ReportValue] =
                    cell.isSuppressed
                    ? Array(repeating: .suppressed, count: 4)
                    : [
                        .integer(cell.people), .integer(cell.respondents), .share(cell.share),
                        .rounded(cell.index, places: 1),
                    ]
                rows.append(ReportRow([name] + values.map { ReportCell($0) }, isTotal: skill == nil))
            }
        }
        return ReportTable(
            id: "needs-by-skill", title: text(.reportNeedsBySkill), sheetName: text(.reportShortNeedsBySkill),
            columns: columns, rows: rows, provenance: provenance("osaava analyze needs --by skill"))
    }

    func sharedNeeds() -> ReportTable {
        let n = catalog.settings.sharedRegions
        let columns = [
            ReportColumn("skill", text(.reportSkill), .text),
            ReportColumn("region-count", text(.reportRegionCount), .integer),
            ReportColumn("regions", text(.reportRegions), .text), ReportColumn("people", text(.reportPeople), .integer),
        ]
        let rows = report.shared.map { need in
            ReportRow([
                ReportCell(.text(skillName(need.skill), code: need.skill)), ReportCell(.integer(need.regions.count)),
                ReportCell(regions(need.regions)), ReportCell(.integer(need.people)),
            ])
        }
        return ReportTable(
            id: "shared-needs", title: text(.reportSharedNeeds, ["n": String(n)]),
            sheetName: text(.reportShortSharedNeeds), columns: columns, rows: rows,
            provenance: provenance("osaava analyze needs --by skill,region"))
    }

    // MARK: - Charts

    func needsCharts() -> [ReportChart] {
        let table = report.byGroupAndRegion
        let (groups, regions) = groupsAndRegions
        guard !groups.isEmpty else { return [] }
        let byRegion = regions.map { bar(regionName($0), table.cell([nil, $0])) }
        let byGroup = groups.map { bar(groupName($0), table.cell([$0, nil])) }
        let cells = groups.map { group in
            regions.map { region -> HeatMap.Cell in
                switch people(table.cell([group, region])) {
                case .integer(let value): HeatMap.Cell(value: value, display: number.integer(value))
                default: HeatMap.Cell(value: nil, display: ReportContent.suppressedMarker)
                }
            }
        }
        let flat = cells.flatMap { $0 }
        let largest = zip(groups, cells).flatMap { group, row in
            zip(regions, row).compactMap { region, cell in cell.value.map { (group, region, $0) } }
        }.max { $0.2 < $1.2 }
        let heat = HeatMap(
            id: "chart-heat-map", title: text(.reportChartHeatMap),
            description: text(
                .reportChartHeatMapDesc,
                [
                    "rows": number.integer(groups.count), "columns": number.integer(regions.count),
                    "max": largest.map { "\(groupName($0.0)), \(regionName($0.1)): \(number.integer($0.2))" } ?? "–",
                    "suppressed": number.integer(flat.filter { $0.value == nil }.count),
                    "marker": ReportContent.suppressedMarker,
                ]),
            rowLabels: groups.map(groupName), columnLabels: regions.map(regionName), cells: cells,
            fewer: text(.reportChartFewer), more: text(.reportChartMore), suppressed: text(.reportSuppressed))
        return [
            .bars(barChart("chart-by-region", text(.reportChartByRegion), byRegion)),
            .bars(barChart("chart-by-group", text(.reportChartByGroup), byGroup)),
            .heatMap(heat),
        ]
    }

    private func bar(_ label: String, _ cell: NeedsCell?) -> BarChart.Bar {
        switch people(cell) {
        case .integer(let value): BarChart.Bar(label: label, value: Double(value), display: number.integer(value))
        default: BarChart.Bar(label: label, value: nil, display: ReportContent.suppressedMarker)
        }
    }

    func barChart(_ id: String, _ title: String, _ bars: [BarChart.Bar]) -> BarChart {
        let values = bars.map { bar in
            "\(bar.label) \(bar.value == nil ? text(.reportSuppressed) + " (\(bar.display))" : bar.display)"
        }
        return BarChart(
            id: id, title: title,
            description: text(.reportChartBarsDesc, ["values": values.joined(separator: "; ")]), bars: bars)
    }

    private func distinct(_ table: NeedsTable, _ position: Int) -> [String] {
        var seen: [String] = []
        for cell in table.inner {
            if let value = cell.keys[position], !seen.contains(value) { seen.append(value) }
        }
        return seen
    }
}
