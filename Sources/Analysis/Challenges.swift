import Catalog

/// A research challenge named by organisations in at least N regions, counting only regions
/// where at least K organisations named it: the lead project's rule for joint R&D.
package struct SharedChallenge: Sendable, Hashable {
    package struct RegionCount: Sendable, Hashable {
        package var region: String
        package var organisations: Int
    }

    package struct InfrastructureDemand: Sendable, Hashable {
        package var infrastructure: String
        package var organisations: Int
    }

    package var challenge: String
    /// Regions with at least K organisations naming it, in catalogue order.
    package var regions: [RegionCount]
    /// Distinct organisations in those regions.
    package var organisations: Int
    /// Of those, interested in a national joint project / a Horizon Europe consortium (the
    /// interest vocabulary's `consortium: national|eu` tags); nil (suppressed) when the count or
    /// the organisations without that interest number between 1 and K − 1.
    package var national: Int?
    package var horizonEurope: Int?
    /// Infrastructures at least K of those organisations say they need, most named first.
    package var infrastructures: [InfrastructureDemand]
}

extension NeedsAnalysis {
    /// Interest codes that stand for each kind of consortium, from every survey's interest question.
    private func consortiumInterests() -> (national: Set<String>, eu: Set<String>) {
        var national = Set<String>()
        var eu = Set<String>()
        for survey in catalog.surveys {
            for question in survey.allQuestions where question.field == .researchInterest {
                for term in catalog.options(question.options ?? "") {
                    let kinds = term.tags["consortium"] ?? []
                    if kinds.contains("national") { national.insert(term.code) }
                    if kinds.contains("eu") { eu.insert(term.code) }
                }
            }
        }
        return (national, eu)
    }

    /// `analyze challenges`: shared challenges, most regions first, then most organisations.
    package func sharedChallenges(_ records: [ChallengeRecord], minRespondents: Int) -> [SharedChallenge] {
        let k = max(minRespondents, catalog.settings.minRespondents)
        let interests = consortiumInterests()
        struct Answer {
            var national = false
            var eu = false
            var infrastructures = Set<String>()
        }
        // challenge → region → organisation → what it said (an organisation's responses merged).
        var named: [String: [String: [Int: Answer]]] = [:]
        for record in records where record.region != catalog.settings.otherRegion {
            var answer = named[record.challenge]?[record.region]?[record.organisation] ?? Answer()
            answer.national = answer.national || record.interest.contains(where: interests.national.contains)
            answer.eu = answer.eu || record.interest.contains(where: interests.eu.contains)
            answer.infrastructures.formUnion(record.infrastructures)
            named[record.challenge, default: [:]][record.region, default: [:]][record.organisation] = answer
        }
        let order = CatalogOrder(catalog)
        var result: [SharedChallenge] = []
        for (challenge, regions) in named {
            let published = order.sorted(regions.keys.filter { (regions[$0]?.count ?? 0) >= k }, .region)
            guard published.count >= catalog.settings.sharedRegions else { continue }
            var answers: [Int: Answer] = [:]
            for region in published {
                for (organisation, answer) in regions[region] ?? [:] {
                    var merged = answers[organisation] ?? Answer()
                    merged.national = merged.national || answer.national
                    merged.eu = merged.eu || answer.eu
                    merged.infrastructures.formUnion(answer.infrastructures)
                    answers[organisation] = merged
                }
            }
            // A count is shown when it and its complement (the organisations without that
            // interest) are each 0 or at least K: otherwise total − count would single someone out.
            func safe(_ count: Int) -> Int? {
                let rest = answers.count - count
                return (count == 0 || count >= k) && (rest == 0 || rest >= k) ? count : nil
            }
            var infrastructure: [String: Int] = [:]
            for answer in answers.values {
                for code in answer.infrastructures { infrastructure[code, default: 0] += 1 }
            }
            let infrastructureRank = Dictionary(
                catalog.infrastructures.enumerated().map { ($1.code, $0) }, uniquingKeysWith: { a, _ in a })
            result.append(
                SharedChallenge(
                    challenge: challenge,
                    regions: published.map {
                        SharedChallenge.RegionCount(region: $0, organisations: regions[$0]?.count ?? 0)
                    },
                    organisations: answers.count,
                    national: safe(answers.values.filter(\.national).count),
                    horizonEurope: safe(answers.values.filter(\.eu).count),
                    infrastructures: infrastructure.filter { $0.value >= k }.map {
                        SharedChallenge.InfrastructureDemand(infrastructure: $0.key, organisations: $0.value)
                    }.sorted {
                        ($1.organisations, infrastructureRank[$0.infrastructure] ?? Int.max, $0.infrastructure) < (
                            $0.organisations, infrastructureRank[$1.infrastructure] ?? Int.max, $1.infrastructure
                        )
                    }))
        }
        let challengeRank = Dictionary(
            consortiumChallengeOrder().enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        return result.sorted {
            ($1.regions.count, $1.organisations, challengeRank[$0.challenge] ?? Int.max, $0.challenge) < (
                $0.regions.count, $0.organisations, challengeRank[$1.challenge] ?? Int.max, $1.challenge
            )
        }
    }

    /// Challenge codes in catalogue order, from every survey's challenge question.
    private func consortiumChallengeOrder() -> [String] {
        var codes: [String] = []
        for survey in catalog.surveys {
            for question in survey.allQuestions where question.field == .researchChallenges {
                for term in catalog.options(question.options ?? "") where !codes.contains(term.code) {
                    codes.append(term.code)
                }
            }
        }
        return codes
    }
}
