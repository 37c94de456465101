import Catalog

/// Sorts dimension values the way the catalogue lists them (regions, skills, horizons in their
/// defined order), unknown values after, alphabetically: output never depends on hashing.
struct CatalogOrder {
    private var ranks: [Dimension: [String: Int]] = [:]

    init(_ catalog: Catalog) {
        func rank(_ codes: [String]) -> [String: Int] {
            Dictionary(codes.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        }
        ranks[.region] = rank(catalog.regions.map(\.code))
        ranks[.skill] = rank(catalog.skills.map(\.code))
        ranks[.skillGroup] = rank(catalog.groups.map(\.code))
        ranks[.horizon] = rank(catalog.settings.horizons.map(\.code))
        ranks[.level] = rank(catalog.levels.map { String($0.rank) })
        for survey in catalog.surveys {
            for question in survey.allQuestions {
                let terms = catalog.options(question.options ?? "").map(\.code)
                switch question.field {
                case .organisationSector: ranks[.sector] = rank(terms)
                case .organisationSize: ranks[.size] = rank(terms)
                case .needFormats: ranks[.format] = rank(terms)
                default: break
                }
            }
        }
    }

    func sorted(_ values: some Sequence<String>, _ dimension: Dimension) -> [String] {
        let rank = ranks[dimension] ?? [:]
        return values.sorted { a, b in
            switch (rank[a], rank[b]) {
            case (let x?, let y?): x < y
            case (.some, nil): true
            case (nil, .some): false
            case (nil, nil): a < b
            }
        }
    }

    /// Orders key tuples dimension by dimension; a margin (nil) comes after every value.
    func less(_ a: [String?], _ b: [String?], _ dimensions: [Dimension]) -> Bool {
        for (index, dimension) in dimensions.enumerated() where a[index] != b[index] {
            guard let x = a[index] else { return false }
            guard let y = b[index] else { return true }
            return sorted([x, y], dimension).first == x
        }
        return false
    }
}
