import Analysis
import Catalog
import CatalogFixtures
import Reports
import Testing

@Suite struct ListingTests {
    private let listing = Listing(
        columns: ["region", "people", "share"],
        rows: [
            [.text("kokkola"), .integer(1234), .decimal(0.5, places: 3)],
            [.text("Vaasa, \"west\""), .suppressed, .suppressed],
            [.text("line\nbreak"), .empty, .decimal(2, places: 1)],
        ],
        notes: ["", "a note"])

    @Test func tableAlignsNumbersAndMarksSuppressedCells() {
        // When the listing is rendered as a table
        let text = listing.render(.table)

        // Then numeric columns are right-aligned, a suppressed cell is "..", notes follow
        let expected = [
            "region         people  share",
            "-------------  ------  -----",
            "kokkola          1234  0.500",
            "Vaasa, \"west\"      ..     ..",
            "line\nbreak" + String(repeating: " ", count: 15) + "2.0",
            "",
            "a note",
        ].joined(separator: "\n")
        #expect(text == expected + "\n")
    }

    @Test func csvLeavesSuppressedCellsEmptyAndQuotesWhereNeeded() {
        // When the listing is rendered as CSV
        let text = listing.render(.csv)

        // Then it is RFC 4180 with CRLF, suppressed and empty cells empty, quotes doubled
        #expect(
            text == "region,people,share\r\nkokkola,1234,0.500\r\n\"Vaasa, \"\"west\"\"\",,\r\n\"line\nbreak\",,2.0\r\n"
        )
        #expect(!text.contains(".."))
        #expect(!text.contains("a note"))
    }

    @Test func csvQuotesAFieldWithACRLFLineBreak() {
        // Given a value holding CRLF, which Swift reads as one Character
        let listing = Listing(columns: ["name", "people"], rows: [[.text("Two\r\nlines"), .integer(3)]])

        // When it is rendered as CSV
        // Then the value is quoted, so that the row is not split in two
        #expect(listing.render(.csv) == "name,people\r\n\"Two\r\nlines\",3\r\n")
    }

    @Test func jsonGivesNullAndSuppressedTrue() {
        // When the listing is rendered as JSON
        let text = listing.render(.json)

        // Then a suppressed value is null and its row says so; an empty value is null without the flag
        let expected = """
            [
              {"region": "kokkola", "people": 1234, "share": 0.500, "suppressed": false},
              {"region": "Vaasa, \\"west\\"", "people": null, "share": null, "suppressed": true},
              {"region": "line\\nbreak", "people": null, "share": 2.0, "suppressed": false}
            ]

            """
        #expect(text == expected)
    }

    @Test func anEmptyListingIsAnEmptyJSONArray() {
        #expect(Listing(columns: ["a"], rows: []).render(.json) == "[\n]\n")
        #expect(Listing(columns: ["a", "b"], rows: []).render(.csv) == "a,b\r\n")
    }

    @Test func needsListingHidesEverySuppressedValue() throws {
        // Given a needs table where RAW04 has two organisations (777 people)
        let catalog = try ShippedCatalog.load()
        let records =
            (1...3).map { ReportRecords.need($0, "kokkola", "CELL02", people: 10) } + [
                ReportRecords.need(4, "vaasa", "RAW04", people: 700),
                ReportRecords.need(5, "vaasa", "RAW04", people: 77),
            ]
        let table = NeedsAnalysis(catalog: catalog).table(records, query: NeedsQuery(by: [.skill], minRespondents: 3))

        // When it is listed in every format
        let listing = Listing(needs: table, catalog: catalog)

        // Then RAW04's figures appear in none of them, and the published ones do
        for format in ListingFormat.allCases {
            let text = listing.render(format)
            #expect(!text.contains("777"), "\(format) shows a suppressed value")
            #expect(text.contains("RAW04"))
        }
        #expect(listing.render(.json).contains("\"skill\": \"RAW04\", \"people\": null"))
        #expect(listing.render(.csv).contains("\r\nRAW04,,,,,\r\n"))
        #expect(listing.columns == ["skill", "people", "people_per_year", "respondents", "share", "demand_index"])
    }
}
