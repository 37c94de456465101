import Catalog
import Planner
import Reports
import Store

/// Gathers what the steering-group report shows: records, portfolios per region, provenance.
/// Shared by `osaava report` and `osaava demo`.
enum SteeringSummary {
    static func build(
        store: ResponseStore, catalog: Catalog, minRespondents: Int, command: String, timeLimit: Double = 10
    )
        throws -> SteeringReport
    {
        let records = try store.needRecords { catalog.skill($0)?.group ?? "" }
        let status = try store.status()
        let (surveys, rounds) = try store.surveysAndRounds()
        let portfolios = try PathPlanner.regionalPortfolios(
            records: records, catalog: catalog, regions: nil, minRespondents: minRespondents, timeLimit: timeLimit)
        let provenance = Provenance(
            command: command, rounds: rounds, responses: status.responses,
            catalog: String(catalog.fingerprint.prefix(16)),
            data: try store.dataFingerprint())
        return SteeringReport(
            catalog: catalog, records: records, responses: status.responses,
            synthetic: status.syntheticResponses > 0, surveys: surveys, rounds: rounds, minRespondents: minRespondents,
            paths: portfolios.map { PathSection($0, catalog: catalog) }, provenance: provenance)
    }
}
