import Catalog

/// Sorts dimension values the way the catalogue lists them (regions, skills, horizons in their
/// defined order), unknown values after, alphabetically: output never depends on hashing.
struct CatalogOrder {
    /// Each dimension's ranks, at its place in `Dimension.allCases` (an array rather than a
    /// dictionary keyed by `Dimension`, whose first use made the runtime look up the enum's
    /// Hashable conformance: a scan of every conformance in the binary).
    private var ranks = [[String: Int]](repeating: [:], count: Dimension.allCases.count)

    init(_ catalog: Catalog) {
        func rank(_ codes: [String]) -> [String: Int] {
            Dictionary(codes.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        }
        ranks[Self.slot(.region)] = rank(catalog.regions.map(\.code))
        ranks[Self.slot(.skill)] = rank(catalog.skills.map(\.code))
        ranks[Self.slot(.skillGroup)] = rank(catalog.groups.map(\.code))
        ranks[Self.slot(.horizon)] = rank(catalog.settings.horizons.map(\.code))
        ranks[Self.slot(.level)] = rank(catalog.levels.map { String($0.rank) })
        for survey in catalog.surveys {
            for question in survey.allQuestions {
                let terms = catalog.options(question.options ?? "").map(\.code)
                switch question.field {
                case .organisationSector: ranks[Self.slot(.sector)] = rank(terms)
                case .organisationSize: ranks[Self.slot(.size)] = rank(terms)
                case .needFormats: ranks[Self.slot(.format)] = rank(terms)
                default: break
                }
            }
        }
    }

    func sorted(_ values: some Sequence<String>, _ dimension: Dimension) -> [String] {
        let rank = ranks[Self.slot(dimension)]
        return values.sorted { a, b in
            switch (rank[a], rank[b]) {
            case (let x?, let y?): x < y
            case (.some, nil): true
            case (nil, .some): false
            case (nil, nil): a < b
            }
        }
    }

    /// How many values the catalogue lists for a dimension (0 for rounds, which it does not order).
    func count(_ dimension: Dimension) -> Int {
        ranks[Self.slot(dimension)].count
    }

    private static func slot(_ dimension: Dimension) -> Int {
        Dimension.allCases.firstIndex(of: dimension) ?? 0
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
