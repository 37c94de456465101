import Foundation
import GRDB

/// Everything that can go wrong with the database, said so a coordinator knows what to do.
/// No SQLite error reaches a user untranslated.
package enum StoreError: Error, CustomStringConvertible {
    case cannotCreate(path: String, reason: String)
    case notADatabase(path: String)
    case busy(path: String)
    case diskFull(path: String)
    case readOnly(path: String)
    case newerSchema(path: String, migration: String)
    case unknownDraft(String)
    case unknownResponse(String)
    case unknownOrganisation(String)
    case ambiguousOrganisation(String, regions: String)
    case notOsaava(path: String)
    case emptyFile(path: String)
    case failed(path: String, reason: String)

    package var description: String {
        switch self {
        case .cannotCreate(let path, let reason):
            "cannot create the database \(path): \(reason). Check that the folder exists and is writable, or choose another file with --db."
        case .notADatabase(let path):
            "\(path) is not an Osaava database (not SQLite, or damaged). Choose another file with --db, or restore it from a backup."
        case .busy(let path):
            "the database \(path) stayed locked by another osaava process. Wait for it to finish (an import or merge) and try again."
        case .diskFull(let path):
            "the disk holding \(path) is full; nothing was lost, the last change was not saved. Free some space and try again."
        case .readOnly(let path):
            "the database \(path) is read-only. Check its permissions (it should be yours, mode 0600) and that "
                + "its folder is writable (SQLite keeps its -wal and -shm files beside it)."
        case .newerSchema(let path, let migration):
            "the database \(path) was written by a newer osaava (it has migration \"\(migration)\"). Update osaava."
        case .unknownDraft(let id):
            "there is no draft \"\(id)\". List the drafts with: osaava survey drafts"
        case .unknownResponse(let id):
            "there is no response \"\(id)\". List the responses with: osaava survey responses"
        case .unknownOrganisation(let identifier):
            "no organisation matches \"\(identifier)\". Give its business ID, its pseudonym (osaava survey responses) or its exact name."
        case .ambiguousOrganisation(let identifier, let regions):
            "several organisations are called \"\(identifier)\" (regions: \(regions)). Add --region, or give the business ID or pseudonym."
        case .notOsaava(let path):
            "\(path) is an SQLite file but not an Osaava database (no Osaava tables). Check the file name."
        case .emptyFile(let path):
            "\(path) is an empty file, not an Osaava database yet. Collect answers into it first (osaava survey "
                + "fill / survey import), or give the right file with --db."
        case .failed(let path, let reason):
            "the database \(path) could not be used: \(reason)."
        }
    }

    /// Translates an SQLite error into what it means for the user.
    static func translate(_ error: any Error, path: String) -> any Error {
        if error is StoreError { return error }
        guard let error = error as? DatabaseError else { return error }
        switch error.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED: return StoreError.busy(path: path)
        case .SQLITE_FULL: return StoreError.diskFull(path: path)
        case .SQLITE_READONLY: return StoreError.readOnly(path: path)
        case .SQLITE_NOTADB, .SQLITE_CORRUPT: return StoreError.notADatabase(path: path)
        case .SQLITE_CANTOPEN: return StoreError.cannotCreate(path: path, reason: "SQLite cannot open it")
        default: return StoreError.failed(path: path, reason: error.message ?? "\(error.resultCode)")
        }
    }
}
