import Catalog
import Foundation
import Planner
import Reports
import Testing

/// The text and listings of `plan services` and `plan consortia`, and the report rows built from
/// them, on the demo's data: at least K organisations behind every figure, no organisation named,
/// every provider a catalogue entry.
struct PlanSectionsTextTests {
    @Test func theDemoReportHasServiceConceptsAndConsortiaFromKOrganisations() throws {
        // Given the demo report, with the planner's concepts and proposals
        let report = try ReportFixtures.demo()
        let catalog = report.catalog
        let concepts = try #require(report.serviceConcepts)
        let consortia = try #require(report.consortia)

        // Then each row rests on at least K organisations and names only catalogue entries
        #expect(!concepts.isEmpty && !consortia.isEmpty)
        #expect(concepts.allSatisfy { $0.organisations >= report.minRespondents })
        #expect(consortia.allSatisfy { $0.organisations >= report.minRespondents })
        for provider in concepts.flatMap(\.providers) {
            #expect(catalog.institution(provider) != nil || catalog.infrastructure(provider) != nil, "\(provider)")
        }
        #expect(consortia.flatMap(\.partners).allSatisfy { catalog.institution($0) != nil })
        // And the rendered report shows them
        let text = try ReportFixtures.text(report, .md, language: "en")
        #expect(text.contains("| Shared laboratory access |"))
        #expect(text.contains("| Sustainable refining of lithium, nickel and cobalt |"))
    }

    @Test(arguments: ["fi", "sv", "en"])
    func noOrganisationNameReachesThePlannerText(language: String) throws {
        // Given the demo's organisations and the plans built from their answers
        let names = Set(try ReportFixtures.demoResponses().map(\.organisation.name))
        let catalog = try ReportFixtures.catalog()
        let services = try ReportFixtures.demoServices()
        let consortia = try ReportFixtures.demoConsortia()

        // When they are rendered as text, CSV and JSON
        var outputs = [
            ServiceConceptText(catalog: catalog, language: language).render(services),
            ConsortiumText(catalog: catalog, language: language).render(consortia),
        ]
        for format in [ListingFormat.csv, .json] {
            outputs.append(Listing(services: services, catalog: catalog, language: language).render(format))
            outputs.append(Listing(consortia: consortia, catalog: catalog, language: language).render(format))
        }

        // Then no organisation's name appears, while the catalogue's names in that language do
        for output in outputs {
            #expect(!names.contains { output.contains($0) })
        }
        let template = try #require(catalog.serviceConcepts.first { $0.code == "shared-lab-access" })
        #expect(outputs[0].contains(template.name(language)))
    }

    @Test func everyShownCountIsAtLeastKAndTheHorizonSketchIsFlagged() throws {
        // Given the plans on the demo's data (K = 3)
        let services = try ReportFixtures.demoServices()
        let consortia = try ReportFixtures.demoConsortia()
        let k = services.minRespondents

        // Then every count of organisations the plans hold is at least K
        for concept in services.concepts {
            #expect(concept.organisations >= k)
            #expect(concept.demand.compactMap(\.organisations).allSatisfy { $0 >= k })
            #expect(concept.formats.compactMap(\.organisations).allSatisfy { $0 >= k })
        }
        for proposal in consortia.national {
            #expect(proposal.organisations >= k && proposal.regions.allSatisfy { $0.organisations >= k })
            #expect(proposal.neededInfrastructures.allSatisfy { $0.organisations >= k })
        }
        // And each Horizon Europe sketch says that partners from other EU countries are missing
        let catalog = try ReportFixtures.catalog()
        let text = ConsortiumText(catalog: catalog, language: "en").render(consortia)
        #expect(!consortia.horizon.isEmpty)
        #expect(
            consortia.horizon.allSatisfy {
                $0.interested >= k && $0.lacks.first == .partnersFromOtherCountries(required: 3)
            })
        #expect(text.contains("none from other countries are proposed here"))
    }
}
