/// One organisation's wish to use a research infrastructure (the survey's research.infrastructures
/// answer): the demand side of the shared-laboratory and testing service concepts.
/// `organisation` is the store's dense id, so that distinct counts need no names.
package struct InfrastructureRequest: Sendable, Hashable {
    package var organisation: Int
    /// The organisation's region.
    package var region: String
    /// An infrastructure code of the catalogue.
    package var infrastructure: String

    package init(organisation: Int, region: String, infrastructure: String) {
        self.organisation = organisation
        self.region = region
        self.infrastructure = infrastructure
    }
}
