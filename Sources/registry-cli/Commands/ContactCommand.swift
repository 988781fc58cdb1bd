import ArgumentParser
import Foundation
import Registry

struct ContactCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "contact",
        abstract: "People at towns and partners: add, list, show, edit, remove; export-personal and erase. Personal data.",
        subcommands: [
            Add.self, List.self, Show<ContactCommand>.self, Edit<ContactCommand>.self, Remove<ContactCommand>.self, ExportPersonal.self, Erase.self,
        ])

    /// The fields of a contact shared by `add` and `edit`.
    struct Fields: ParsableArguments {
        @Option(help: "The town the person works for (id or name); a contact belongs to a town or a partner, not both.", completion: .cities)
        var city: String?
        @Option(help: "The partner the person works for (id or name).", completion: .partners)
        var partner: String?
        @Option(help: "Their role, e.g. 'project coordinator'.")
        var role: String?
        @Option(help: "E-mail address.")
        var email: String?
        @Option(help: "Phone number, e.g. +47 22 00 00 00.")
        var phone: String?
        @Option(help: ArgumentHelp("Languages they speak, as ISO 639 codes separated by commas.", valueName: "nb,pl,en"))
        var languages: String?
        @Option(help: "Free notes.")
        var notes: String?

        func input(name: String?) -> ContactInput {
            ContactInput(
                name: name, city: .typed(city), partner: .typed(partner), role: role, email: email, phone: phone, languages: languages, notes: notes)
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a contact at a town or a partner; prints its id.")
        @Argument(help: "The person's name.") var name: String
        @OptionGroup var fields: Fields
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions

        func validate() throws {
            try refuseOwnerProblem(fields.input(name: name).ownerProblem(adding: true))
        }

        func run() throws {
            let registry = try database.open()
            try ContactCommand.printAdded(try registry.addContact(fields.input(name: name)).id, in: registry, as: output)
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List contacts, by name.")
        @Option(help: "Only contacts at this town.", completion: .cities) var city: String?
        @Option(help: "Only contacts at this partner.", completion: .partners) var partner: String?
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let contacts = try database.open(.readOnly).contacts(ContactFilter(city: city, partner: partner))
            Console.output(output.renderer.render(ContactRows.list(contacts)))
        }
    }

    struct ExportPersonal: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export-personal",
            abstract: "Everything the register holds about one person, as one JSON document.",
            discussion: """
                For a person's request to see their data: the contact record with its town or partner, and every \
                audit log entry of that contact with its values before and after. A contact already removed is \
                found by its id through the log. With --output the file appears only when complete, readable by \
                its owner only.
                """)
        @Argument(help: "The contact's id.") var contact: String
        @Option(help: ArgumentHelp("Write to this file instead of stdout.", valueName: "file"), completion: .file()) var output: String?
        @OptionGroup var database: DatabaseOptions

        func run() throws {
            let registry = try database.open(.readOnly)
            let document = try registry.personalData(contact) + Data("\n".utf8)
            try OutputFile.write(to: output, of: registry) { try $0.write(contentsOf: document) }
        }
    }

    struct Erase: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "erase",
            abstract: "Erase a person: the contact, their values in the audit log, and their words in the search index.",
            discussion: """
                For a person's request to be forgotten; it cannot be undone (run export-personal first if they \
                asked for a copy). The contact is removed, every audit entry of it keeps its time, actor and action \
                but its values are replaced by the id alone, and one 'erase' entry records how many were erased, \
                without the data. Freed space is zeroed and the write-ahead log emptied, so the database files no \
                longer hold the data. A contact already removed is erased from the log by its id. Backups taken \
                before still hold the person until `registry backup prune` removes them.
                """)
        @Argument(help: "The contact's id.") var contact: String
        @OptionGroup var database: DatabaseOptions

        func run() throws {
            let erasure = try database.open().eraseContact(contact)
            let what = erasure.removedRecord ? "Removed contact \(erasure.contactID)" : "Contact \(erasure.contactID) was already removed"
            Console.message(
                "\(what); erased the values of \(erasure.erasedEntries) audit \(erasure.erasedEntries == 1 ? "entry" : "entries") and the search index's words."
            )
            if !erasure.walCleared {
                Console.message(
                    "Warning: another process is reading the register, so the write-ahead log (-wal) still holds old pages until the next checkpoint."
                )
            }
            Console.message("Backups taken before now still hold this person; they go as `registry backup prune` removes them.")
        }
    }
}

extension ContactCommand: RecordNoun {
    /// `edit`: a new name, and the fields `add` takes (--city or --partner moves them).
    struct Changes: ParsableArguments {
        @Option(help: "A new name.") var name: String?
        @OptionGroup var fields: Fields

        func validate() throws {
            try refuseOwnerProblem(fields.input(name: name).ownerProblem(adding: false))
        }
    }

    static let kind = RecordKind.contact
    static let reference = "The contact's id."
    static let showAbstract = "Show one contact."
    static let editAbstract = "Change a contact: only the options given change; --city or --partner moves them; '' clears an optional field."
    static let removeAbstract = "Remove a contact."

    static func edit(_ reference: RecordReference, _ changes: Changes, in registry: Registry) throws -> Int64? {
        try registry.editContact(reference, changes.fields.input(name: changes.name)).id
    }

    static func shown(_ reference: RecordReference, in registry: Registry) throws -> RecordView {
        ContactRows.record(try registry.contactDetails(reference))
    }
}

/// The library's rule of a contact's owner, as a usage error: the command line lacks the option
/// (or gives both).
private func refuseOwnerProblem(_ problem: String?) throws {
    guard let problem else { return }
    throw ValidationError(problem.prefix(1).uppercased() + problem.dropFirst() + ".")
}
