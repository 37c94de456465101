import Catalog

/// Need records coded the way a store's full scan delivers them, so that one aggregation serves
/// both: records in memory (tests, the demo) and ten million packed needs in a database.
package struct CodedRecords: Sendable {
    package var codebook: NeedCodebook
    private var responses: [(CodedResponse, [CodedNeed])]

    package init(_ records: [NeedRecord]) {
        var book = NeedCodebook()
        var index: [String: [String: Int32]] = [:]
        func code(_ list: WritableKeyPath<NeedCodebook, [String]>, _ name: String, _ value: String) -> Int32 {
            if let code = index[name]?[value] { return code }
            let code = Int32(book[keyPath: list].count)
            book[keyPath: list].append(value)
            index[name, default: [:]][value] = code
            return code
        }
        // One coded response per organisation and round/sector/size: the analysis only needs
        // an organisation's responses to be consecutive.
        struct Head: Hashable {
            var organisation: Int
            var round: Int32
            var sector: Int32
            var size: Int32
        }
        var grouped: [Head: [CodedNeed]] = [:]
        for record in records {
            let head = Head(
                organisation: record.organisation, round: code(\.rounds, "round", record.round),
                sector: code(\.sectors, "sector", record.sector), size: code(\.sizes, "size", record.size))
            var formats: UInt32 = 0
            for format in record.formats {
                formats |= 1 << UInt32(code(\.formats, "format", format) % Int32(CodedNeed.maximumFormats))
            }
            grouped[head, default: []].append(
                CodedNeed(
                    region: code(\.regions, "region", record.region), skill: code(\.skills, "skill", record.skill),
                    horizon: code(\.horizons, "horizon", record.horizon), level: Int32(clamping: record.level),
                    priority: Int32(clamping: record.priority), people: Int32(clamping: record.people),
                    formats: formats))
        }
        codebook = book
        responses = grouped.keys.sorted {
            ($0.organisation, $0.round, $0.sector, $0.size) < ($1.organisation, $1.round, $1.sector, $1.size)
        }.map { head in
            (
                CodedResponse(organisation: head.organisation, round: head.round, sector: head.sector, size: head.size),
                grouped[head] ?? []
            )
        }
    }

    /// The needs a scan visits (a store's packed needs), kept for several passes: what a report
    /// computes many tables from, at 28 bytes a need instead of a record of strings.
    /// The report's counts and plans rely on an organisation's responses coming one after another
    /// (as a store's scan visits them); a scan that does not is put in that order here.
    package init(codebook: NeedCodebook, scan: (CodedNeedVisitor) throws -> Void) throws {
        self.codebook = codebook
        var responses: [(CodedResponse, [CodedNeed])] = []
        var finished = Set<Int>()
        var consecutive = true
        try scan { response, needs in
            if let last = responses.last?.0.organisation, last != response.organisation {
                consecutive = consecutive && finished.insert(last).inserted
                consecutive = consecutive && !finished.contains(response.organisation)
            }
            responses.append((response, needs))
        }
        if !consecutive {
            // Stable: each organisation's responses keep their order.
            responses = responses.enumerated().sorted {
                ($0.element.0.organisation, $0.offset) < ($1.element.0.organisation, $1.offset)
            }.map(\.element)
        }
        self.responses = responses
    }

    private init(codebook: NeedCodebook, responses: [(CodedResponse, [CodedNeed])]) {
        self.codebook = codebook
        self.responses = responses
    }

    /// Visits every coded response, organisation by organisation.
    package func scan(_ visit: CodedNeedVisitor) throws {
        for (response, needs) in responses { try visit(response, needs) }
    }

    /// The same, for a visit that cannot fail.
    package func visit(_ visit: (CodedResponse, [CodedNeed]) -> Void) {
        for (response, needs) in responses { visit(response, needs) }
    }

    /// Only the responses of survey round `round`.
    package func filtered(round: String) -> CodedRecords {
        guard let code = codebook.rounds.firstIndex(of: round).map(Int32.init) else {
            return CodedRecords(codebook: codebook, responses: [])
        }
        return CodedRecords(codebook: codebook, responses: responses.filter { $0.0.round == code })
    }

    /// How many needs, how many distinct organisations name one, and in how many distinct regions.
    package var counts: (needs: Int, organisations: Int, regions: Int) {
        var needs = 0
        // Responses come organisation by organisation: a new organisation is one unlike the last.
        var organisations = 0
        var last: Int?
        var regions = [Bool](repeating: false, count: codebook.regions.count)
        for (response, list) in responses where !list.isEmpty {
            needs += list.count
            if response.organisation != last { organisations += 1 }
            last = response.organisation
            for need in list where Int(need.region) < regions.count { regions[Int(need.region)] = true }
        }
        return (needs, organisations, regions.filter { $0 }.count)
    }

    /// The names of the formats in a need's bit set, in code order.
    package func formatNames(_ bits: UInt32) -> [String] {
        codebook.formats.indices.filter { bits & (1 << UInt32($0 % CodedNeed.maximumFormats)) != 0 }
            .map { codebook.formats[$0] }
    }
}
