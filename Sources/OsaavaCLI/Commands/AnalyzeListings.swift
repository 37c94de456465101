import Analysis
import Catalog
import Reports

/// The analyze commands' results as listings (`--format table|csv|json`); suppressed values are
/// `.suppressed` (`..` in a table, empty in CSV, null in JSON), explained in the notes.
enum AnalysisListings {
    static func suppressedNote(_ k: Int) -> String {
        "\(MarkdownReport.suppressedMarker) = suppressed: fewer than \(k) organisations, or hiding such a cell."
    }

    static func gaps(_ table: GapTable, catalog: Catalog) -> Listing {
        let columns =
            ["region", "skill", "level", "respondents", "demand_per_year"]
            + table.horizons.map { "demand_\($0)" }
            + ["regional_supply", "online_supply", "gap", "no_course", "courses"]
        let rows = table.rows.map { row -> [Listing.Value] in
            var values: [Listing.Value] = [
                .text(row.region), .text(row.skill), .integer(row.level), .integer(row.organisations),
                .decimal(row.demandPerYear, places: 1),
            ]
            values += row.byHorizon.map { $0.perYear.map { .decimal($0, places: 1) } ?? .suppressed }
            values += [
                .decimal(row.regionalSupply, places: 1), .decimal(row.onlineSupply, places: 1),
                .decimal(row.gap, places: 1), .text(row.noCourse ? "yes" : "no"),
                .text(
                    (row.regionalCourses + row.onlineCourses).joined(separator: " ")
                        + (row.illustrative ? " " + MarkdownReport.illustrativeMarker : "")),
            ]
            return values
        }
        return Listing(
            columns: columns, rows: rows,
            notes: [
                "",
                "Rows only for region × skill cells with at least \(table.minRespondents) organisations; level = the highest level at least \(table.minRespondents) of them need.",
                "demand = people per year (people / the horizon's span in years); supply = course places per year teaching the skill at ≥ level.",
                GapTable.onlineRule,
                "gap = demand − supply (positive: a shortfall); no_course = no course anywhere teaches the skill at that level.",
                "\(MarkdownReport.illustrativeMarker) = some supply comes from an illustrative course offering. "
                    + suppressedNote(table.minRespondents),
            ])
    }

    static func shared(_ needs: [SharedNeed], k: Int, catalog: Catalog) -> Listing {
        let rows = needs.enumerated().map { rank, need -> [Listing.Value] in
            [
                .integer(rank + 1), .text(need.skill), .integer(need.regions.count),
                .text(need.regions.joined(separator: " ")), .integer(need.people),
                .decimal(need.peoplePerYear, places: 1), .decimal(need.index, places: 1),
            ]
        }
        return Listing(
            columns: ["rank", "skill", "regions", "region_codes", "people", "people_per_year", "demand_index"],
            rows: rows,
            notes: [
                "",
                "Skills needed in at least \(catalog.settings.sharedRegions) regions, counting a region only when at least \(k) organisations there need the skill; figures are sums of those regions' cells.",
            ])
    }

    static func challenges(_ challenges: [SharedChallenge], k: Int, catalog: Catalog) -> Listing {
        let rows = challenges.map { challenge -> [Listing.Value] in
            [
                .text(challenge.challenge), .integer(challenge.regions.count),
                .text(challenge.regions.map { "\($0.region):\($0.organisations)" }.joined(separator: " ")),
                .integer(challenge.organisations),
                challenge.national.map { .integer($0) } ?? .suppressed,
                challenge.horizonEurope.map { .integer($0) } ?? .suppressed,
                .text(
                    challenge.infrastructures.map { "\($0.infrastructure):\($0.organisations)" }.joined(separator: " ")),
            ]
        }
        return Listing(
            columns: [
                "challenge", "regions", "region_organisations", "organisations", "national", "horizon_europe",
                "infrastructures",
            ],
            rows: rows,
            notes: [
                "",
                "Challenges named in at least \(catalog.settings.sharedRegions) regions by at least \(k) organisations each; other regions are not counted.",
                "national / horizon_europe = organisations interested in a national joint project / a Horizon Europe consortium; infrastructures named by at least \(k).",
                suppressedNote(k),
            ])
    }

    static func trends(_ table: TrendTable) -> Listing {
        var columns = table.dimensions.map(\.rawValue)
        for round in table.rounds { columns += ["people_\(round)", "respondents_\(round)"] }
        columns += ["change", "direction"]
        let rows = table.rows.map { row -> [Listing.Value] in
            var values: [Listing.Value] = row.keys.map { .text($0 ?? "*") }
            for point in row.points {
                values.append(point.people.map { .integer($0) } ?? .suppressed)
                values.append(point.respondents.map { .integer($0) } ?? .suppressed)
            }
            values.append(row.change.map { .integer($0) } ?? .empty)
            values.append(row.direction.map { .text($0.rawValue) } ?? .empty)
            return values
        }
        return Listing(
            columns: columns, rows: rows,
            notes: [
                "",
                "change = people in the last round − in the first, where both are published. * = all values.",
                suppressedNote(table.minRespondents),
            ])
    }
}
