import Planner

// The report's service-concept and consortium rows from the planner's results. The planner
// already builds them from parts with at least K organisations; the report filters again.

extension ServiceConceptLine {
    /// A proposed concept: its regions of demand, its providers (per region the best institution
    /// and the best infrastructure, so that the table stays readable; each once, in the planner's
    /// order) and its distinct organisations.
    package init(_ concept: ServiceConcept) {
        var providers: [String] = []
        var seen = Set<String>()
        for provider in concept.providers where !providers.contains(provider.code) {
            let slot = provider.region + "|" + provider.kind.rawValue
            guard !seen.contains(slot) else { continue }
            seen.insert(slot)
            providers.append(provider.code)
        }
        self.init(
            concept: concept.template, regions: concept.regions, providers: providers,
            organisations: concept.organisations, illustrative: concept.restsOnIllustrativeData)
    }
}

extension ConsortiumLine {
    /// A national joint-project proposal: the challenge's regions, organisations and partners.
    package init(_ proposal: NationalProposal) {
        self.init(
            challenge: proposal.challenge, regions: proposal.regions.map(\.region),
            organisations: proposal.organisations, partners: proposal.partners.map(\.institution))
    }
}

extension ConsortiumLine {
    /// A Horizon Europe sketch: the national core of the consortium, flagged as one.
    package init(_ sketch: HorizonSketch) {
        self.init(
            challenge: sketch.challenge, regions: sketch.regions, organisations: sketch.organisations,
            partners: sketch.partners.map(\.institution), horizonEurope: true)
    }
}
