import Catalog

/// Limits any analysis to one survey round: hands `body` a scan that passes on only that round's
/// responses (all of them when `round` is nil).
package enum RoundFilter {
    package static func within<T>(
        _ round: String?, codebook: NeedCodebook, scan: (CodedNeedVisitor) throws -> Void,
        _ body: ((CodedNeedVisitor) throws -> Void) throws -> T
    ) throws -> T {
        // A round the codebook never saw has no responses: the filter passes nothing on.
        let code = round.map { codebook.rounds.firstIndex(of: $0).map(Int32.init) ?? -1 }
        return try withoutActuallyEscaping(scan) { scan in
            try body { visit in
                try scan { response, needs in
                    if code == nil || response.round == code { try visit(response, needs) }
                }
            }
        }
    }
}
