import Catalog
import Planner
import Store

/// What the service-concept and consortium planners read besides the needs: each organisation's
/// research challenges and the infrastructures it asked to use, from the current responses.
struct ResearchInputs {
    var challenges: [ChallengeRecord]
    var requests: [InfrastructureRequest]

    /// `round` limits them to one survey round (nil: every round).
    static func load(_ store: ResponseStore, round: String? = nil) throws -> ResearchInputs {
        var inputs = ResearchInputs(challenges: [], requests: [])
        for outline in try store.responseOutlines() where round == nil || outline.round == round {
            let research = outline.research
            for challenge in research.challenges {
                inputs.challenges.append(
                    ChallengeRecord(
                        organisation: outline.organisationId, region: outline.region, challenge: challenge,
                        interest: research.interest, infrastructures: research.infrastructures))
            }
            for infrastructure in research.infrastructures {
                inputs.requests.append(
                    InfrastructureRequest(
                        organisation: outline.organisationId, region: outline.region, infrastructure: infrastructure))
            }
        }
        return inputs
    }
}
