import Catalog
import GRDB

/// The store's dictionary of need attribute values: each (dimension, value) gets a small integer
/// code the first time it is written, never changed or reused, so that packed needs and rollup
/// cells stay valid as new values arrive. Loaded once per transaction that needs it.
final class NeedCodes {
    enum Dimension: String, CaseIterable {
        case region, skill, horizon, sector, size, round, format
        case skillGroup = "skill-group"
    }

    private var codes: [Dimension: [String: Int32]] = [:]
    private var values: [Dimension: [String]] = [:]
    private var loaded = false

    func load(_ db: Database) throws {
        guard !loaded else { return }
        let rows = try Row.fetchCursor(db, sql: "SELECT dimension, code, value FROM need_code ORDER BY dimension, code")
        while let row = try rows.next() {
            guard let dimension = Dimension(rawValue: row[0]) else { continue }
            let code: Int32 = row[1]
            let value: String = row[2]
            codes[dimension, default: [:]][value] = code
            var list = values[dimension] ?? []
            // Codes are dense from 0; a gap (never written by Osaava) is filled so indices stay codes.
            while list.count < Int(code) { list.append("") }
            list.append(value)
            values[dimension] = list
        }
        loaded = true
    }

    /// The value's code, assigned (and stored) on first sight.
    func code(_ db: Database, _ dimension: Dimension, _ value: String) throws -> Int32 {
        try load(db)
        if let code = codes[dimension]?[value] { return code }
        let code = Int32(values[dimension]?.count ?? 0)
        try db.execute(
            sql: "INSERT INTO need_code(dimension, code, value) VALUES (?, ?, ?)",
            arguments: [dimension.rawValue, code, value])
        codes[dimension, default: [:]][value] = code
        values[dimension, default: []].append(value)
        return code
    }

    /// The code of a value already known, without assigning one.
    func existing(_ dimension: Dimension, _ value: String) -> Int32? {
        codes[dimension]?[value]
    }

    func values(_ dimension: Dimension) -> [String] {
        values[dimension] ?? []
    }

    var codebook: NeedCodebook {
        NeedCodebook(
            regions: values(.region), skills: values(.skill), horizons: values(.horizon), sectors: values(.sector),
            sizes: values(.size), rounds: values(.round), formats: values(.format))
    }
}
