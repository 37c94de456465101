/// A cell's values (a margin as nil) as one text, for dictionary keys: each value is
/// length-prefixed, so no two cells share a key, and a margin is "*". A dictionary keyed by
/// `[String?]` made the runtime look up three conformances at its first use (Array, Optional and
/// String to Hashable), each a scan of every conformance in the binary: ~0.1 ms of a small
/// `analyze`, in its profile.
enum CellKey {
    static func text(_ values: [String?]) -> String {
        var key = ""
        for value in values {
            if let value { key += "\(value.utf8.count):\(value)" } else { key += "*" }
        }
        return key
    }
}
