import Analysis
import Catalog
import Planner
import Reports
import Store

/// Gathers what the steering-group report shows: needs, portfolios per region, service concepts,
/// consortium candidates, provenance.
/// Shared by `osaava report` and `osaava demo`.
enum SteeringSummary {
    /// `round` limits the report to one survey round; `commandFlags` are repeated in every
    /// equivalent command the report names as a figure's provenance.
    static func build(
        store: ResponseStore, catalog: Catalog, minRespondents: Int, command: String, commandFlags: String = "",
        round: String? = nil, timeLimit: Double = 10
    ) throws -> SteeringReport {
        // Read once for every table and plan of the report.
        let needs = try CurrentNeeds.coded(store, round: round)
        let status = try store.status()
        var (surveys, rounds) = try store.surveysAndRounds()
        var responses = status.responses
        var synthetic = status.syntheticResponses > 0
        if let round {
            guard rounds.contains(round) else {
                let known = rounds.isEmpty ? "none" : rounds.joined(separator: ", ")
                throw CLIError(
                    "no responses in round \"\(round)\" in \(status.path) (rounds there: \(known)). "
                        + "Use one of those rounds, or leave out --round for all of them.")
            }
            let inRound = try store.responseOutlines().filter { $0.round == round }
            surveys = Array(Set(inRound.map(\.survey))).sorted()
            rounds = [round]
            responses = inRound.count
            synthetic = inRound.contains(where: \.synthetic)
        }
        let portfolios = try PathPlanner.regionalPortfolios(
            coded: needs, catalog: catalog, regions: nil, minRespondents: minRespondents, timeLimit: timeLimit)
        // Service concepts and consortia rest only on parts with at least K organisations; the
        // report filters their rows by K again.
        let research = try ResearchInputs.load(store, round: round)
        let services = ServiceConcepts.plan(
            catalog: catalog, needs: needs, requests: research.requests, challenges: research.challenges,
            minRespondents: minRespondents)
        let consortia = ConsortiumPlanner.plan(
            catalog: catalog, challenges: research.challenges, minRespondents: minRespondents)
        let provenance = Provenance(
            command: command, rounds: rounds, responses: responses,
            catalog: String(catalog.fingerprint.prefix(16)),
            data: try store.dataFingerprint())
        var report = SteeringReport(
            catalog: catalog, coded: needs, responses: responses, synthetic: synthetic, surveys: surveys,
            rounds: rounds, minRespondents: minRespondents,
            paths: portfolios.map { PathSection($0, catalog: catalog) }, provenance: provenance,
            commandFlags: commandFlags)
        report.serviceConcepts = services.concepts.map(ServiceConceptLine.init)
        report.consortia =
            consortia.national.map { ConsortiumLine($0) } + consortia.horizon.map { ConsortiumLine($0) }
        // The response rate, when the coordinators keep a contact list (`osaava contacts import`).
        let rates = try store.responseRates()
        if !rates.isEmpty {
            report.contacted = rates.reduce(0) { $0 + $1.contacts }
            report.contactsAnswered = rates.reduce(0) { $0 + $1.answered }
        }
        return report
    }
}
