import Catalog
import CatalogFixtures
import Foundation
import Planner
import Reports
import Survey

/// Reports built for tests: a small hand-made one exercising every section (golden files), and the
/// demo's (the shipped catalogue, 100 synthetic organisations, seed 2026, planned regional paths).
enum ReportFixtures {
    static let root = ShippedCatalog.root

    static let languages = ["fi", "sv", "en"]

    static func catalog() throws -> Catalog { try ShippedCatalog.load() }

    static let provenance = Provenance(
        command: "osaava report --lang fi --format md", rounds: ["2026"], responses: 12,
        catalog: "catalogue0000000", data: "data000000000000")

    // MARK: - The small report

    /// One need of one organisation: (organisation, region, skill, people).
    private static let needs: [(Int, String, String, Int)] = [
        (1, "kokkola", "RAW01", 10), (2, "kokkola", "RAW01", 1234), (3, "kokkola", "RAW01", 5),
        (4, "vaasa", "RAW01", 4), (5, "vaasa", "RAW01", 4), (6, "vaasa", "RAW01", 4),
        (7, "pori", "RAW01", 7), (8, "pori", "RAW01", 8), (9, "pori", "RAW01", 9),
        (1, "kokkola", "CELL01", 3),
        (4, "vaasa", "CELL01", 6), (5, "vaasa", "CELL01", 6), (6, "vaasa", "CELL01", 6), (10, "vaasa", "CELL01", 2),
        (7, "pori", "CELL01", 1), (8, "pori", "CELL01", 2), (9, "pori", "CELL01", 3),
        (11, "other", "REC01", 5), (12, "vaasa", "REC01", 2),
    ]

    static func records(_ catalog: Catalog) -> [NeedRecord] {
        needs.map { organisation, region, skill, people in
            NeedRecord(
                organisation: organisation, round: "2026", region: region, sector: "manufacturing", size: "small",
                skill: skill, group: catalog.skill(skill)?.group ?? "", level: 2, people: people, horizon: "1-2y",
                priority: 4, formats: ["module"])
        }
    }

    /// Every section: suppressed and complementary cells, a true zero, a number with thousands, a
    /// shared need, an optimal and a not-optimal path, a new module, and gaps (one negative), service
    /// concepts and consortium candidates, each with one row under K that must not appear.
    static func small() throws -> SteeringReport {
        let catalog = try catalog()
        let paths = [
            PathSection(
                region: "kokkola", needs: 2,
                lines: [
                    .init(
                        term: 1, institution: "centria", course: "CENTRIA-BAT101", name: "", credits: 5,
                        illustrative: true),
                    .init(
                        term: 2, institution: "centria", course: "CENTRIA-BAT201", name: "", credits: 7.5,
                        illustrative: false),
                ],
                totalCredits: 12.5, terms: 2, provenOptimal: true, caveat: nil,
                uncovered: [.init(skill: "REG02", level: 2, institutions: ["lut", "centria"], people: 49)]),
            PathSection(
                region: "vaasa", needs: 1,
                lines: [
                    .init(
                        term: 1, institution: "centria", course: "CENTRIA-BAT202", name: "", credits: 3,
                        illustrative: true)
                ],
                totalCredits: 3, terms: 1, provenOptimal: false, caveat: "time limit reached",
                uncovered: [.init(skill: "REG02", level: 2, institutions: ["centria"], people: 12)]),
        ]
        var report = SteeringReport(
            catalog: catalog, records: records(catalog), responses: 12, synthetic: true,
            surveys: ["battery-competence-2026"],
            rounds: ["2026"], minRespondents: 3, paths: paths, provenance: provenance,
            commandFlags: " --db osaava-demo.sqlite")
        report.contacted = 40
        report.contactsAnswered = 12
        report.gaps = [
            GapLine(
                skill: "RAW01", region: "kokkola", demandPerYear: 12.5, capacityPerYear: 20, gap: -7.5,
                organisations: 3,
                illustrative: true),
            GapLine(
                skill: "CELL01", region: "vaasa", demandPerYear: 1030.25, capacityPerYear: 10, gap: 1020.25,
                organisations: 4, illustrative: true),
            GapLine(
                skill: "REC01", region: nil, demandPerYear: 8, capacityPerYear: 2, gap: 6, organisations: 2,
                illustrative: false),
        ]
        report.serviceConcepts = [
            ServiceConceptLine(
                concept: "pilot-plant-training", regions: ["kokkola", "vaasa"], providers: ["centria", "kip"],
                organisations: 5, illustrative: false),
            ServiceConceptLine(
                concept: "contract-rd", regions: ["pori"], providers: ["oulu"], organisations: 2, illustrative: false),
        ]
        report.consortia = [
            ConsortiumLine(
                challenge: "black-mass-yields", regions: ["kokkola", "vaasa", "pori"], organisations: 4,
                partners: ["oulu", "uwasa"]),
            ConsortiumLine(challenge: "next-gen-cathodes", regions: ["pori"], organisations: 1, partners: ["oulu"]),
        ]
        return report
    }

    // MARK: - The demo report

    static let demoNow = "2026-03-01T12:00:00Z"
    private static let demoBuilt = Result { try makeDemo() }

    /// What `osaava demo` reports, built without a database (organisations numbered as the store does).
    static func demo() throws -> SteeringReport { try demoBuilt.get() }

    /// The demo's responses: also used to check that no organisation name reaches a report.
    static func demoResponses() throws -> [SurveyResponse] {
        let catalog = try catalog()
        guard let survey = catalog.surveys.first else { return [] }
        return try SyntheticResponses(survey: survey, catalog: catalog, seed: 2026).make(count: 100, now: demoNow)
    }

    /// What the analysis and the planner read from the demo's responses.
    struct DemoInputs {
        var records: [NeedRecord] = []
        var challenges: [ChallengeRecord] = []
        var requests: [InfrastructureRequest] = []
    }

    private static let demoInputsBuilt = Result { try makeDemoInputs() }

    /// The demo's needs and research answers, organisations numbered as the store does.
    static func demoInputs() throws -> DemoInputs { try demoInputsBuilt.get() }

    /// `plan services` and `plan consortia` on the demo's data.
    static func demoServices() throws -> ServicePlan {
        let inputs = try demoInputs()
        let catalog = try catalog()
        return ServiceConcepts.plan(
            catalog: catalog, needs: inputs.records, requests: inputs.requests, challenges: inputs.challenges,
            minRespondents: catalog.settings.minRespondents)
    }

    static func demoConsortia() throws -> ConsortiumPlan {
        let catalog = try catalog()
        return ConsortiumPlanner.plan(
            catalog: catalog, challenges: try demoInputs().challenges,
            minRespondents: catalog.settings.minRespondents)
    }

    private static func makeDemoInputs() throws -> DemoInputs {
        let catalog = try catalog()
        var ids: [String: Int] = [:]
        var inputs = DemoInputs()
        for response in try demoResponses() {
            let id = ids[response.organisation.key] ?? ids.count + 1
            ids[response.organisation.key] = id
            for need in response.needs {
                inputs.records.append(
                    NeedRecord(
                        organisation: id, round: response.round, region: need.region,
                        sector: response.organisation.sector ?? "", size: response.organisation.size ?? "",
                        skill: need.skill, group: catalog.skill(need.skill)?.group ?? "", level: need.level,
                        people: need.people, horizon: need.horizon, priority: need.priority, formats: need.formats))
            }
            let region = response.organisation.region
            let research = response.research
            inputs.challenges += research.challenges.map {
                ChallengeRecord(
                    organisation: id, region: region, challenge: $0, interest: research.interest,
                    infrastructures: research.infrastructures)
            }
            inputs.requests += research.infrastructures.map {
                InfrastructureRequest(organisation: id, region: region, infrastructure: $0)
            }
        }
        return inputs
    }

    private static func makeDemo() throws -> SteeringReport {
        let catalog = try catalog()
        let responses = try demoResponses()
        let records = try demoInputs().records
        let k = catalog.settings.minRespondents
        let portfolios = try PathPlanner.regionalPortfolios(
            records: records, catalog: catalog, regions: nil, minRespondents: k, timeLimit: 20)
        let rounds = Array(Set(responses.map(\.round))).sorted()
        var report = SteeringReport(
            catalog: catalog, records: records, responses: responses.count, synthetic: true,
            surveys: Array(Set(responses.map(\.survey))).sorted(), rounds: rounds, minRespondents: k,
            paths: portfolios.map { PathSection($0, catalog: catalog) },
            provenance: Provenance(
                command: "osaava report --db osaava-demo.sqlite --lang en --format html", rounds: rounds,
                responses: responses.count, catalog: String(catalog.fingerprint.prefix(16)), data: "demo-seed-2026"),
            commandFlags: " --db osaava-demo.sqlite")
        // As `osaava report` does (SteeringSummary): the planner's service concepts and consortia.
        report.serviceConcepts = try demoServices().concepts.map(ServiceConceptLine.init)
        report.consortia = try demoConsortia().national.map(ConsortiumLine.init)
        return report
    }

    // MARK: - Rendering

    static func render(
        _ report: SteeringReport, _ format: ReportFormat, language: String, excel: Bool = false
    ) throws -> [ReportFile] {
        try report.render(format, options: ReportOptions(language: language, excel: excel))
    }

    static func text(_ report: SteeringReport, _ format: ReportFormat, language: String) throws -> String {
        let files = try render(report, format, language: language)
        return String(decoding: files.first?.data ?? Data(), as: UTF8.self)
    }

    /// The first (or only) file of a rendering.
    static func data(_ report: SteeringReport, _ format: ReportFormat, language: String) throws -> Data {
        guard let file = try render(report, format, language: language).first else {
            throw FixtureError.noFile(format.rawValue)
        }
        return file.data
    }

    /// The JSON export, parsed.
    static func json(_ report: SteeringReport, language: String) throws -> [String: Any] {
        guard
            let object = try JSONSerialization.jsonObject(with: data(report, .json, language: language))
                as? [String: Any]
        else { throw FixtureError.noFile("json object") }
        return object
    }

    enum FixtureError: Error {
        case noFile(String)
    }

    /// A fresh temporary folder for one test's files.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("osaava-reports-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
