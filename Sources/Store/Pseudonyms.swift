import Catalog
import Foundation
import GRDB

extension ResponseStore {
    /// Stable pseudonyms for the organisations of the current responses, keyed by organisation id:
    /// `org-` and a keyed hash of the identity, with a random key kept in this database only, so
    /// the same organisation always gets the same pseudonym here but a name cannot be guessed back.
    package func pseudonyms() throws -> [Int: String] {
        try write { db in
            var salt = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'pseudonym-salt'")
            if salt == nil {
                let fresh = (0..<4).map { _ in String(UInt64.random(in: 0...UInt64.max), radix: 16) }.joined()
                try db.execute(sql: "INSERT INTO meta(key, value) VALUES ('pseudonym-salt', ?)", arguments: [fresh])
                salt = fresh
            }
            var names: [Int: String] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT id, key FROM organisation") {
                let key: String = row["key"]
                let mac = SHA256.hmac(key: Array((salt ?? "").utf8), message: Array(key.utf8))
                names[row["id"]] = "org-" + mac.prefix(5).map { String(format: "%02x", $0) }.joined()
            }
            return names
        }
    }
}
