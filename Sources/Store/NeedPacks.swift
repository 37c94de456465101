import Catalog
import Foundation
import GRDB

/// One current response's needs as a packed blob of fixed-width little-endian records, so that a
/// full scan reads one row per response and decodes needs with plain loads instead of asking
/// SQLite for five columns of every need row (DESIGN.md: SQLite spends ~70–100 ns per row and column).
///
/// Record (16 bytes): region u16, skill u16, level u16, horizon u8, priority u8, formats u32 (bit
/// set of format codes), people u32.
enum NeedPack {
    static let stride = 16

    static func encode(_ needs: [CodedNeed]) -> Data {
        var bytes = [UInt8](repeating: 0, count: needs.count * stride)
        bytes.withUnsafeMutableBytes { raw in
            for (index, need) in needs.enumerated() {
                let base = index * stride
                raw.storeBytes(
                    of: UInt16(truncatingIfNeeded: need.region).littleEndian, toByteOffset: base, as: UInt16.self)
                raw.storeBytes(
                    of: UInt16(truncatingIfNeeded: need.skill).littleEndian, toByteOffset: base + 2, as: UInt16.self)
                raw.storeBytes(
                    of: UInt16(truncatingIfNeeded: need.level).littleEndian, toByteOffset: base + 4, as: UInt16.self)
                raw.storeBytes(of: UInt8(truncatingIfNeeded: need.horizon), toByteOffset: base + 6, as: UInt8.self)
                raw.storeBytes(of: UInt8(truncatingIfNeeded: need.priority), toByteOffset: base + 7, as: UInt8.self)
                raw.storeBytes(of: need.formats.littleEndian, toByteOffset: base + 8, as: UInt32.self)
                raw.storeBytes(
                    of: UInt32(truncatingIfNeeded: need.people).littleEndian, toByteOffset: base + 12, as: UInt32.self)
            }
        }
        return Data(bytes)
    }

    /// Replaces `needs` with the blob's records (the array's storage is reused across responses).
    static func decode(_ raw: UnsafeRawBufferPointer, into needs: inout [CodedNeed]) {
        needs.removeAll(keepingCapacity: true)
        let count = raw.count / stride
        for index in 0..<count {
            let base = index * stride
            needs.append(
                CodedNeed(
                    region: Int32(UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: base, as: UInt16.self))),
                    skill: Int32(UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: base + 2, as: UInt16.self))),
                    horizon: Int32(raw.loadUnaligned(fromByteOffset: base + 6, as: UInt8.self)),
                    level: Int32(UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: base + 4, as: UInt16.self))),
                    priority: Int32(raw.loadUnaligned(fromByteOffset: base + 7, as: UInt8.self)),
                    people: Int32(
                        truncatingIfNeeded: UInt32(
                            littleEndian: raw.loadUnaligned(fromByteOffset: base + 12, as: UInt32.self))),
                    formats: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: base + 8, as: UInt32.self))))
        }
    }

    static func decode(_ data: Data) -> [CodedNeed] {
        var needs: [CodedNeed] = []
        data.withUnsafeBytes { decode($0, into: &needs) }
        return needs
    }
}

/// A response's packed row, as written and as read back.
struct PackedResponse {
    var response: CodedResponse
    var needs: [CodedNeed]
}

extension NeedCodes {
    /// Codes a response's needs, assigning codes to values seen for the first time. Throws when a
    /// value would not fit the packed record (more distinct values than its field holds).
    func pack(_ db: Database, _ response: SurveyResponse, organisation: Int64) throws -> PackedResponse {
        func fits(_ code: Int32, _ limit: Int32, _ what: String) throws -> Int32 {
            guard code < limit else {
                throw StoreError.failed(
                    path: db.description,
                    reason: "more than \(limit) distinct \(what) values; the analysis cannot pack them")
            }
            return code
        }
        let coded = CodedResponse(
            organisation: Int(organisation), round: try code(db, .round, response.round),
            sector: try code(db, .sector, response.organisation.sector ?? ""),
            size: try code(db, .size, response.organisation.size ?? ""))
        var needs: [CodedNeed] = []
        needs.reserveCapacity(response.needs.count)
        for need in response.needs {
            var formats: UInt32 = 0
            for format in need.formats {
                let bit = try fits(try code(db, .format, format), Int32(CodedNeed.maximumFormats), "training-format")
                formats |= 1 << UInt32(bit)
            }
            needs.append(
                CodedNeed(
                    region: try fits(try code(db, .region, need.region), 65_535, "region"),
                    skill: try fits(try code(db, .skill, need.skill), 65_535, "skill"),
                    horizon: try fits(try code(db, .horizon, need.horizon), 255, "horizon"),
                    level: try fits(Int32(clamping: need.level), 65_535, "level"),
                    priority: try fits(Int32(clamping: need.priority), 255, "priority"),
                    people: Int32(clamping: need.people), formats: formats))
        }
        return PackedResponse(response: coded, needs: needs)
    }
}

extension PackedResponse {
    func insert(_ db: Database, id: String, version: Int) throws {
        let statement = try db.cachedStatement(
            sql: """
                INSERT OR REPLACE INTO need_pack(response_id, version, organisation_id, round, sector, size, needs)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """)
        try statement.execute(arguments: [
            id, version, response.organisation, response.round, response.sector, response.size,
            NeedPack.encode(needs),
        ])
    }

    /// The other current packs of an organisation (its other responses, e.g. other rounds).
    static func others(_ db: Database, organisation: Int, except id: String) throws -> [PackedResponse] {
        let statement = try db.cachedStatement(
            sql: """
                SELECT organisation_id, round, sector, size, needs FROM need_pack
                WHERE organisation_id = ? AND response_id <> ?
                """)
        return try Row.fetchAll(statement, arguments: [organisation, id]).map(Self.init(row:))
    }

    static func fetch(_ db: Database, id: String, version: Int) throws -> PackedResponse? {
        try Row.fetchOne(
            db,
            sql:
                "SELECT organisation_id, round, sector, size, needs FROM need_pack WHERE response_id = ? AND version = ?",
            arguments: [id, version]
        ).map(Self.init(row:))
    }

    init(row: Row) {
        let data: Data = row[4]
        self.init(
            response: CodedResponse(organisation: row[0], round: row[1], sector: row[2], size: row[3]),
            needs: NeedPack.decode(data))
    }
}
