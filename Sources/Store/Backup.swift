import Foundation
import GRDB

extension ResponseStore {
    /// A consistent copy of the database while it is in use (`VACUUM INTO`: one read transaction,
    /// so concurrent writers are neither blocked nor half-copied). The copy is created with mode
    /// 0600 like the database itself, and refused if the file exists.
    package func backup(to target: String) throws {
        let manager = FileManager.default
        guard !manager.fileExists(atPath: target) else {
            throw StoreError.cannotCreate(path: target, reason: "the file exists; choose a new name or remove it first")
        }
        // VACUUM INTO accepts an empty file: create it first so it never exists with a wider mode.
        guard manager.createFile(atPath: target, contents: nil, attributes: [.posixPermissions: 0o600]) else {
            throw StoreError.cannotCreate(path: target, reason: "cannot create the file")
        }
        do {
            try queue.writeWithoutTransaction { db in
                try db.execute(sql: "VACUUM INTO ?", arguments: [target])
            }
        } catch {
            try? manager.removeItem(atPath: target)
            throw StoreError.translate(error, path: path)
        }
    }
}
