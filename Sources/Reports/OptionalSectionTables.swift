import Catalog

/// Gaps, service concepts and consortium candidates: shown when their producer delivered them
/// (`nil` leaves the section out). A row resting on fewer than K organisations is never shown.
extension ContentBuilder {
    private var publishedGaps: [GapLine]? {
        report.gaps.map { gaps in
            gaps.filter { $0.organisations >= k }.sorted {
                ($1.gap, $0.skill, $0.region ?? "") < ($0.gap, $1.skill, $1.region ?? "")
            }
        }
    }

    func gapTable() -> ReportTable? {
        guard let gaps = publishedGaps else { return nil }
        let columns = [
            ReportColumn("skill", text(.reportSkill), .text), ReportColumn("region", text(.reportRegion), .text),
            ReportColumn("demand-per-year", text(.reportDemandPerYear), .decimal),
            ReportColumn("capacity-per-year", text(.reportCapacityPerYear), .decimal),
            ReportColumn("gap-per-year", text(.reportGapPerYear), .decimal),
            ReportColumn("illustrative", text(.reportIllustrative), .text, onPages: false),
        ]
        let rows = gaps.map { gap in
            ReportRow([
                ReportCell(.text(skillName(gap.skill), code: gap.skill)),
                ReportCell(.text(gap.region.map(regionName) ?? text(.reportWholeCountry), code: gap.region ?? "*")),
                ReportCell(.rounded(gap.demandPerYear, places: 1)),
                ReportCell(.rounded(gap.capacityPerYear, places: 1), illustrative: gap.illustrative),
                ReportCell(.rounded(gap.gap, places: 1), illustrative: gap.illustrative),
                ReportCell(.text(gap.illustrative ? yes : no)),
            ])
        }
        return ReportTable(
            id: "gaps", title: text(.reportGaps), sheetName: text(.reportShortGaps), columns: columns, rows: rows,
            provenance: provenance("osaava analyze gaps"))
    }

    /// The ten biggest gaps as bars, labelled region first (a long skill name is clipped, not the region).
    func gapChart() -> ReportChart? {
        guard let gaps = publishedGaps, !gaps.isEmpty else { return nil }
        let bars = gaps.prefix(10).map { gap in
            let place = gap.region.map(regionName) ?? text(.reportWholeCountry)
            return BarChart.Bar(
                label: "\(place): \(skillName(gap.skill))", value: ReportValue.round(gap.gap, places: 1),
                display: number.decimal(gap.gap) + (gap.illustrative ? " " + ReportContent.illustrativeMarker : ""),
                illustrative: gap.illustrative)
        }
        return .bars(barChart("chart-gaps", text(.reportGapPerYear), Array(bars)))
    }

    func serviceTable() -> ReportTable? {
        guard let lines = report.serviceConcepts else { return nil }
        let columns = [
            ReportColumn("concept", text(.reportConcept), .text), ReportColumn("regions", text(.reportRegions), .text),
            ReportColumn("organisations", text(.reportOrganisations), .integer),
            ReportColumn("providers", text(.reportProviders), .text),
            ReportColumn("illustrative", text(.reportIllustrative), .text, onPages: false),
        ]
        let rows = lines.filter { $0.organisations >= k }.map { line in
            let name = catalog.serviceConcepts.first { $0.code == line.concept }?.name(language) ?? line.concept
            return ReportRow([
                ReportCell(.text(name, code: line.concept), illustrative: line.illustrative),
                ReportCell(regions(line.regions)), ReportCell(.integer(line.organisations)),
                ReportCell(names(line.providers, providerName)), ReportCell(.text(line.illustrative ? yes : no)),
            ])
        }
        return ReportTable(
            id: "service-concepts", title: text(.reportServices), sheetName: text(.reportShortServices),
            columns: columns, rows: rows, provenance: provenance("osaava plan services"))
    }

    func consortiumTable() -> ReportTable? {
        guard let lines = report.consortia else { return nil }
        let columns = [
            ReportColumn("challenge", text(.reportChallenge), .text),
            ReportColumn("kind", text(.reportConsortiumKind), .text),
            ReportColumn("regions", text(.reportRegions), .text),
            ReportColumn("organisations", text(.reportOrganisations), .integer),
            ReportColumn("partners", text(.reportPartners), .text),
        ]
        let rows = lines.filter { $0.organisations >= k }.map { line in
            ReportRow([
                ReportCell(.text(termName(line.challenge), code: line.challenge)),
                ReportCell(.text(text(line.horizonEurope ? .reportConsortiumHorizon : .reportConsortiumNational))),
                ReportCell(regions(line.regions)),
                ReportCell(.integer(line.organisations)), ReportCell(names(line.partners, institutionName)),
            ])
        }
        return ReportTable(
            id: "consortia", title: text(.reportConsortia), sheetName: text(.reportShortConsortia), columns: columns,
            rows: rows, provenance: provenance("osaava plan consortia"))
    }

    func methods() -> [String] {
        let k = String(report.minRespondents)
        var out = [
            text(
                .reportMethodsSurvey,
                [
                    "survey": report.surveys.joined(separator: ", "), "round": report.rounds.joined(separator: ", "),
                    "responses": number.integer(report.responses),
                    "organisations": number.integer(report.organisations),
                ])
        ]
        if report.synthetic { out.append(text(.reportSynthetic)) }
        out += [
            text(.reportMethodsSuppression, ["k": k, "marker": ReportContent.suppressedMarker]),
            text(.reportMethodsShared, ["n": String(catalog.settings.sharedRegions), "k": k]),
            text(.reportMethodsPaths), text(.reportMethodsModules),
            text(.reportMethodsIllustrative, ["marker": ReportContent.illustrativeMarker]),
        ]
        if report.gaps != nil { out.append(text(.reportMethodsGaps, ["k": k])) }
        if report.contacted != nil { out.append(text(.reportMethodsRate)) }
        return out
    }
}
