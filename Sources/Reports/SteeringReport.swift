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

    /// The same sources, reached by another command.
    package func with(command: String) -> Provenance {
        var copy = self
        copy.command = command
        return copy
    }
}

/// Everything the steering-group summary shows, computed and suppressed before rendering.
///
/// The sections other modules will feed later (gaps, service concepts, consortium candidates,
/// response rates) are optional: `nil` leaves the section out, an empty array shows "None.".
package struct SteeringReport: Sendable {
    package var catalog: Catalog
    package var synthetic: Bool
    package var surveys: [String]
    package var rounds: [String]
    package var responses: Int
    package var organisations: Int
    package var regionsAnswered: Int
    /// Competence needs named (records).
    package var needs: Int
    package var minRespondents: Int
    /// Skill group × region (people needed), with margins.
    package var byGroupAndRegion: NeedsTable
    /// Skill × whole country.
    package var bySkill: NeedsTable
    package var shared: [SharedNeed]
    package var paths: [PathSection]
    /// Organisations on the contact list (the target of the survey); nil when there is no list.
    package var contacted: Int?
    /// Of those, how many answered: the response rate is `contactsAnswered / contacted`.
    package var contactsAnswered: Int?
    /// Demand per year against education supply, biggest first.
    package var gaps: [GapLine]?
    package var serviceConcepts: [ServiceConceptLine]?
    package var consortia: [ConsortiumLine]?
    /// Flags every equivalent command repeats (`--db`, `--round`, `--min-respondents` as given).
    package var commandFlags: String
    package var provenance: Provenance

    /// How many of the biggest shortfalls the gap section shows.
    package static let biggestGaps = 15

    /// Computes the report's tables and gaps from the need records; `paths` come from the planner.
    package init(
        catalog: Catalog, records: [NeedRecord], responses: Int, synthetic: Bool, surveys: [String], rounds: [String],
        minRespondents: Int, paths: [PathSection], provenance: Provenance, commandFlags: String = ""
    ) {
        self.init(
            catalog: catalog, coded: CodedRecords(records), responses: responses, synthetic: synthetic,
            surveys: surveys, rounds: rounds, minRespondents: minRespondents, paths: paths, provenance: provenance,
            commandFlags: commandFlags)
    }

    /// The same from needs already coded (a store's scan, gathered once for the whole report).
    package init(
        catalog: Catalog, coded: CodedRecords, responses: Int, synthetic: Bool, surveys: [String], rounds: [String],
        minRespondents: Int, paths: [PathSection], provenance: Provenance, commandFlags: String = ""
    ) {
        let analysis = NeedsAnalysis(catalog: catalog)
        self.catalog = catalog
        self.synthetic = synthetic
        self.surveys = surveys
        self.rounds = rounds
        self.responses = responses
        (needs, organisations, regionsAnswered) = coded.counts
        self.minRespondents = max(minRespondents, catalog.settings.minRespondents)
        // Suppressed together: a group's national total is also the sum of its skills.
        let tables = analysis.steeringTables(coded, minRespondents: minRespondents)
        byGroupAndRegion = tables.byGroupAndRegion
        bySkill = tables.bySkill
        shared = analysis.sharedNeeds(coded, minRespondents: minRespondents)
        gaps = analysis.gaps(coded, minRespondents: minRespondents).rows.filter { $0.gap > 0 }
            .prefix(Self.biggestGaps).map(GapLine.init)
        self.paths = paths
        self.commandFlags = commandFlags
        self.provenance = provenance
    }
}
