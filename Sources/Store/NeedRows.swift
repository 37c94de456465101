import Catalog
import GRDB
import GRDBSQLite

/// Writes a response's `need` rows through one statement prepared once per writer, binding with
/// SQLite's C API: a large import writes millions of these rows, and building GRDB's argument
/// array per row (an allocation and a copy of every text) cost more than SQLite's insert. The
/// columns that are the same for every need of a response are bound once per response (SQLite
/// keeps bindings across `sqlite3_reset`).
final class NeedRows {
    private static let sql = """
        INSERT INTO need(response_id, version, ordinal, is_current, organisation_id, round, region, sector,
            size, skill, level, people, horizon, priority, formats)
        VALUES (?1, ?2, ?3, 1, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)
        """
    private let db: Database
    /// Owns the prepared statement (finalized with it).
    private let statement: Statement
    /// The formats of one need joined by "," (the stored form), reused from need to need.
    private var formats: [UInt8] = []

    init(_ db: Database) throws {
        self.db = db
        statement = try db.makeStatement(sql: Self.sql)
    }

    func insert(_ response: SurveyResponse, version: Int, organisation: Int64) throws {
        let handle = statement.sqliteStatement
        let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
        func text(_ index: Int32, _ value: String) {
            var value = value
            value.withUTF8 { bytes in
                _ = sqlite3_bind_text(
                    handle, index, bytes.baseAddress.map { UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self) },
                    Int32(bytes.count), transient)
            }
        }
        text(1, response.id)
        sqlite3_bind_int64(handle, 2, Int64(version))
        sqlite3_bind_int64(handle, 4, organisation)
        text(5, response.round)
        text(7, response.organisation.sector ?? "")
        text(8, response.organisation.size ?? "")
        for (ordinal, need) in response.needs.enumerated() {
            formats.removeAll(keepingCapacity: true)
            for (index, format) in need.formats.enumerated() {
                if index > 0 { formats.append(UInt8(ascii: ",")) }
                formats.append(contentsOf: format.utf8)
            }
            sqlite3_bind_int64(handle, 3, Int64(ordinal))
            sqlite3_bind_int64(handle, 10, Int64(need.level))
            sqlite3_bind_int64(handle, 11, Int64(need.people))
            sqlite3_bind_int64(handle, 13, Int64(need.priority))
            // The texts are bound without a copy (SQLITE_STATIC, nil) while their bytes are
            // pinned, and the row is written before they are let go.
            var region = need.region
            var skill = need.skill
            var horizon = need.horizon
            let code = region.withUTF8 { region in
                skill.withUTF8 { skill in
                    horizon.withUTF8 { horizon in
                        formats.withUnsafeBufferPointer { formats in
                            bind(handle, 6, region)
                            bind(handle, 9, skill)
                            bind(handle, 12, horizon)
                            bind(handle, 14, formats)
                            let code = sqlite3_step(handle)
                            sqlite3_reset(handle)
                            return code
                        }
                    }
                }
            }
            guard code == SQLITE_DONE else {
                throw DatabaseError(
                    resultCode: ResultCode(rawValue: code), message: db.lastErrorMessage, sql: Self.sql)
            }
        }
    }

    private func bind(_ handle: OpaquePointer, _ index: Int32, _ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else {
            // An empty text must stay a text, not NULL: SQLite copies the empty string at once.
            _ = sqlite3_bind_text(handle, index, "", 0, unsafeBitCast(-1, to: sqlite3_destructor_type.self))
            return
        }
        _ = sqlite3_bind_text(
            handle, index, UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self), Int32(bytes.count), nil)
    }
}
