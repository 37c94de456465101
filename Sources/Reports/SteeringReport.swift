import Analysis
import Catalog

/// Where a figure comes from (DESIGN.md "Provenance"): the equivalent command, the rounds, the
/// number of responses, and fingerprints of the catalogue and of the data. Never SQL.
package struct Provenance: Sendable, Hashable, Codable {
    package var command: String
    package var rounds: [String]
    package var responses: Int
    package var catalog: String
    package var data: String

    package init(command: String, rounds: [String], responses: Int, catalog: String, data: String) {
        self.command = command
        self.rounds = rounds
        self.responses = responses
        self.catalog = catalog
        self.data = data
    }
}

/// One region's proposed education path, as the report shows it.
package struct PathSection: Sendable, Hashable {
    package struct Line: Sendable, Hashable {
        package var term: Int
        package var institution: String
        package var course: String
        package var name: String
        package var credits: Double
        package var illustrative: Bool
    }

    package struct Proposal: Sendable, Hashable {
        package var skill: String
        package var level: Int
        package var institutions: [String]
    }

    package var region: String
    package var needs: Int
    package var lines: [Line]
    package var totalCredits: Double
    package var terms: Int
    package var provenOptimal: Bool
    /// Why the path is not proven optimal (time limit, fallback), when it is not.
    package var caveat: String?
    package var uncovered: [Proposal]

    package init(
        region: String, needs: Int, lines: [Line], totalCredits: Double, terms: Int, provenOptimal: Bool,
        caveat: String?, uncovered: [Proposal]
    ) {
        self.region = region
        self.needs = needs
        self.lines = lines
        self.totalCredits = totalCredits
        self.terms = terms
        self.provenOptimal = provenOptimal
        self.caveat = caveat
        self.uncovered = uncovered
    }
}

/// Everything the steering-group summary shows, computed and suppressed before rendering.
package struct SteeringReport: Sendable {
    package var catalog: Catalog
    package var synthetic: Bool
    package var surveys: [String]
    package var rounds: [String]
    package var responses: Int
    package var organisations: Int
    package var regionsAnswered: Int
    package var minRespondents: Int
    /// Skill group × region (people needed), with margins.
    package var byGroupAndRegion: NeedsTable
    /// Skill × whole country.
    package var bySkill: NeedsTable
    package var shared: [SharedNeed]
    package var paths: [PathSection]
    package var provenance: Provenance

    /// Computes the report's tables from the need records; `paths` come from the planner.
    package init(
        catalog: Catalog, records: [NeedRecord], responses: Int, synthetic: Bool, surveys: [String], rounds: [String],
        minRespondents: Int, paths: [PathSection], provenance: Provenance
    ) {
        let analysis = NeedsAnalysis(catalog: catalog)
        self.catalog = catalog
        self.synthetic = synthetic
        self.surveys = surveys
        self.rounds = rounds
        self.responses = responses
        organisations = Set(records.map(\.organisation)).count
        regionsAnswered = Set(records.map(\.region)).count
        self.minRespondents = max(minRespondents, catalog.settings.minRespondents)
        byGroupAndRegion = analysis.table(
            records, query: NeedsQuery(by: [.skillGroup, .region], minRespondents: minRespondents))
        bySkill = analysis.table(records, query: NeedsQuery(by: [.skill], minRespondents: minRespondents))
        shared = analysis.sharedNeeds(records, minRespondents: minRespondents)
        self.paths = paths
        self.provenance = provenance
    }
}
