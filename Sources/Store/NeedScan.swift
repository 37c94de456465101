import Catalog
import Foundation
import GRDB

extension ResponseStore {
    /// A full scan of the current needs, coded: `body` gets the codebook and a function that
    /// visits every current response with its needs, organisation by organisation, all in one read
    /// transaction. Rows are streamed from one packed row per response; nothing is collected.
    package func scanNeeds<T>(_ body: (NeedCodebook, (CodedNeedVisitor) throws -> Void) throws -> T) throws -> T {
        if try read({ try RollupStore.hasPending($0) }) {
            try write { try RollupStore.catchUp($0) }
        }
        return try read { db in
            let codes = NeedCodes()
            try codes.load(from: db)
            return try body(codes.codebook) { visit in
                let rows = try Row.fetchCursor(
                    db,
                    sql: "SELECT organisation_id, round, sector, size, needs FROM need_pack ORDER BY organisation_id")
                var needs: [CodedNeed] = []
                while let row = try rows.next() {
                    let response = CodedResponse(organisation: row[0], round: row[1], sector: row[2], size: row[3])
                    try row.withUnsafeData(atIndex: 4) { data in
                        data?.withUnsafeBytes { NeedPack.decode($0, into: &needs) }
                    }
                    try visit(response, needs)
                }
            }
        }
    }
}
