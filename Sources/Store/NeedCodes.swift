import Catalog
import GRDB

/// The store's dictionary of need attribute values: each (dimension, value) gets a small integer
/// code the first time it is written, never changed or reused, so that packed needs and rollup
/// cells stay valid as new values arrive. Loaded once per transaction that needs it.
final class NeedCodes {
    enum Dimension: String, CaseIterable {
        case region, skill, horizon, sector, size, round, format
        case skillGroup = "skill-group"

        /// The dimension's place in the per-dimension arrays.
        var slot: Int {
            switch self {
            case .region: 0
            case .skill: 1
            case .horizon: 2
            case .sector: 3
            case .size: 4
            case .round: 5
            case .format: 6
            case .skillGroup: 7
            }
        }
    }

    // Indexed by `Dimension.slot`: a dictionary keyed by a String-backed enum hashed the enum's
    // text on every need an import coded.
    private var codes = [[String: Int32]](repeating: [:], count: Dimension.allCases.count)
    private var values = [[String]](repeating: [], count: Dimension.allCases.count)
    private var loaded = false

    /// Reads every stored code once (from the store's connection, or `RollupSnapshot`'s).
    func load(from rows: some RollupRows) throws {
        guard !loaded else { return }
        try rows.forEachCode { name, code, value in
            guard let dimension = Dimension(rawValue: name) else { return }
            codes[dimension.slot][value] = Int32(code)
            // Codes are dense from 0; a gap (never written by Osaava) is filled so indices stay codes.
            while values[dimension.slot].count < code { values[dimension.slot].append("") }
            values[dimension.slot].append(value)
        }
        loaded = true
    }

    /// The value's code, assigned (and stored) on first sight.
    func code(_ db: Database, _ dimension: Dimension, _ value: String) throws -> Int32 {
        if !loaded { try load(from: db) }
        let slot = dimension.slot
        if let code = codes[slot][value] { return code }
        let code = Int32(values[slot].count)
        try db.execute(
            sql: "INSERT INTO need_code(dimension, code, value) VALUES (?, ?, ?)",
            arguments: [dimension.rawValue, code, value])
        codes[slot][value] = code
        values[slot].append(value)
        return code
    }

    /// The code of a value already known, without assigning one.
    func existing(_ dimension: Dimension, _ value: String) -> Int32? {
        codes[dimension.slot][value]
    }

    func values(_ dimension: Dimension) -> [String] {
        values[dimension.slot]
    }

    var codebook: NeedCodebook {
        NeedCodebook(
            regions: values(.region), skills: values(.skill), horizons: values(.horizon), sectors: values(.sector),
            sizes: values(.size), rounds: values(.round), formats: values(.format))
    }
}
