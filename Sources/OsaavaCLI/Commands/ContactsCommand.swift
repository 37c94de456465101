import ArgumentParser
import Catalog
import Foundation
import Interchange
import Reports
import Store
import Survey

struct ContactsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "contacts",
        abstract: "The organisations to reach, with their status; gives response rates.",
        subcommands: [ContactsImportCommand.self, ContactsListCommand.self, ContactsSetCommand.self]
    )
}

struct ContactsImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Add or update contacts from a CSV with the columns name, business_id, region.",
        discussion: "All or nothing: a row with an unknown region or a malformed business ID refuses the file."
    )

    @OptionGroup var global: GlobalOptions
    @Argument(help: "CSV file (UTF-8 or Windows-1252; , ; or tab).") var file: String

    func run() throws {
        let context = CommandContext.current
        let catalog = try global.loadCatalog()
        let url = context.resolve(file)
        guard let data = try? Data(contentsOf: url) else {
            throw CLIError("cannot read \(url.path). Check the path.")
        }
        let table: CSVTable
        do {
            table = try CSVParser.parse(TextDecoding.decode(data).text)
        } catch {
            throw CLIError("\(url.lastPathComponent): \(error)")
        }
        let header = table.header.map { $0.lowercased() }
        guard let nameColumn = header.firstIndex(of: "name"), let regionColumn = header.firstIndex(of: "region") else {
            throw CLIError(
                "\(url.lastPathComponent): line 1: the header needs the columns name and region (business_id optional); found "
                    + table.header.joined(separator: ", "))
        }
        let businessColumn = header.firstIndex(of: "business_id")
        var organisations: [Organisation] = []
        var problems: [String] = []
        let validator = CodeValidator(catalog: catalog)
        for row in table.rows {
            let name = table.value(row, nameColumn).trimmingCharacters(in: .whitespaces)
            let regionText = table.value(row, regionColumn).trimmingCharacters(in: .whitespaces)
            let businessText = businessColumn.map { table.value(row, $0).trimmingCharacters(in: .whitespaces) } ?? ""
            if name.isEmpty { problems.append("line \(row.line), column name: is empty") }
            var region = ""
            switch validator.region(regionText) {
            case .success(let code): region = code
            case .failure(let problem): problems.append("line \(row.line), column region: \(problem.message)")
            }
            var businessId: String?
            if !businessText.isEmpty {
                businessId = BusinessId.normalised(businessText)
                if businessId == nil {
                    problems.append(
                        "line \(row.line), column business_id: \"\(businessText)\" is not a valid business ID (1234567-8)"
                    )
                }
            }
            organisations.append(Organisation(name: name, businessId: businessId, region: region))
        }
        guard problems.isEmpty else {
            for problem in problems { context.console.error("\(url.lastPathComponent): \(problem)\n") }
            throw CLIError("nothing imported: \(problems.count) problem(s) in \(url.lastPathComponent) (listed above)")
        }
        let (added, updated) = try global.openStore(creating: true).importContacts(organisations, now: context.now())
        context.console.write("contacts: \(added) added, \(updated) updated\n")
    }
}

struct ContactsListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List the contacts with their status, and the response rate per region.")

    @OptionGroup var global: GlobalOptions
    @Option(help: "table, csv or json.") var format: OutputFormat = .table

    func run() throws {
        let store = try global.openStore()
        let contacts = try store.contacts()
        var listing = Listing(
            columns: ["name", "business_id", "region", "status", "updated"],
            rows: contacts.map {
                [
                    .text($0.organisation.name), .text($0.organisation.businessId ?? ""), .text($0.organisation.region),
                    .text($0.status.rawValue), .text($0.updatedAt),
                ]
            })
        if format == .table {
            listing.notes =
                [""]
                + (try store.responseRates()).map {
                    "\($0.region): \($0.answered) of \($0.contacts) answered (\(Int(($0.rate * 100).rounded())) %)"
                }
        }
        CommandContext.current.console.write(listing.render(ListingFormat(rawValue: format.rawValue) ?? .table))
    }
}

struct ContactsSetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set", abstract: "Record that a contact was contacted or declined.")

    enum Status: String, ExpressibleByArgument, CaseIterable {
        case contacted, declined
        case notContacted = "not-contacted"
    }

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The contact's name or business ID.") var contact: String
    @Option(help: "contacted, declined or not-contacted (answered follows from the responses).") var status: Status

    func run() throws {
        let context = CommandContext.current
        try global.openStore().setContactStatus(
            contact, Contact.Status(rawValue: status.rawValue) ?? .contacted, now: context.now())
        context.console.write("\(contact): \(status.rawValue)\n")
    }
}
