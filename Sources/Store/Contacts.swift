import Catalog
import Foundation
import GRDB

/// An organisation the coordinators mean to reach, and where that stands.
package struct Contact: Sendable, Hashable {
    package enum Status: String, Sendable, CaseIterable {
        case notContacted = "not-contacted"
        case contacted, answered, declined
    }

    package var organisation: Organisation
    package var status: Status
    package var updatedAt: String

    package init(organisation: Organisation, status: Status, updatedAt: String) {
        self.organisation = organisation
        self.status = status
        self.updatedAt = updatedAt
    }
}

/// Contacts and answers per region: the response rate's parts.
package struct ResponseRate: Sendable, Hashable {
    package var region: String
    package var contacts: Int
    package var answered: Int

    package var rate: Double { contacts == 0 ? 0 : Double(answered) / Double(contacts) }
}

extension ResponseStore {
    /// Adds or updates contacts by organisation identity, in one transaction; returns (added, updated).
    package func importContacts(_ organisations: [Organisation], now: String) throws -> (added: Int, updated: Int) {
        try write { db in
            var added = 0
            var updated = 0
            for organisation in organisations {
                let exists =
                    try Bool.fetchOne(
                        db, sql: "SELECT 1 FROM contact WHERE key = ?", arguments: [organisation.key]) == true
                if exists {
                    try db.execute(
                        sql: "UPDATE contact SET name = ?, business_id = ?, region = ?, updated_at = ? WHERE key = ?",
                        arguments: [
                            organisation.name, organisation.businessId, organisation.region, now, organisation.key,
                        ])
                    updated += db.changesCount
                } else {
                    try db.execute(
                        sql: "INSERT INTO contact(key, name, business_id, region, updated_at) VALUES (?, ?, ?, ?, ?)",
                        arguments: [
                            organisation.key, organisation.name, organisation.businessId, organisation.region, now,
                        ])
                    added += 1
                }
            }
            return (added, updated)
        }
    }

    /// Every contact with its status; "answered" comes from the responses themselves (an interview,
    /// an import or a merge), so it is always up to date.
    package func contacts() throws -> [Contact] {
        try read { db in
            let answered = Set(
                try String.fetchAll(
                    db,
                    sql: "SELECT o.key FROM organisation o JOIN response r ON r.organisation_id = o.id AND r.is_current"
                ))
            return try Row.fetchAll(db, sql: "SELECT * FROM contact ORDER BY region, name").map { row in
                let key: String = row["key"]
                let organisation = Organisation(
                    name: row["name"], businessId: row["business_id"], region: row["region"])
                let stored = Contact.Status(rawValue: row["status"]) ?? .notContacted
                return Contact(
                    organisation: organisation, status: answered.contains(key) ? .answered : stored,
                    updatedAt: row["updated_at"])
            }
        }
    }

    /// Marks a contact contacted, declined or not contacted (answered is derived, not set).
    package func setContactStatus(_ identifier: String, _ status: Contact.Status, now: String) throws {
        try write { db in
            try db.execute(
                sql: """
                    UPDATE contact SET status = ?, updated_at = ?
                    WHERE lower(name) = lower(?) OR upper(coalesce(business_id, '')) = upper(?)
                    """,
                arguments: [status.rawValue, now, identifier, identifier])
            guard db.changesCount > 0 else { throw StoreError.unknownOrganisation(identifier) }
        }
    }

    /// Response rates per region, for the regions with contacts.
    package func responseRates() throws -> [ResponseRate] {
        let contacts = try contacts()
        let byRegion = Dictionary(grouping: contacts, by: \.organisation.region)
        return byRegion.keys.sorted().map { region in
            let list = byRegion[region] ?? []
            return ResponseRate(
                region: region, contacts: list.count, answered: list.filter { $0.status == .answered }.count)
        }
    }
}
