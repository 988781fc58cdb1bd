import ArgumentParser
import Registry

struct ContactCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "contact",
        abstract: "People at towns and partners: add, list, show, edit, remove. Personal data.",
        subcommands: [Add.self, List.self, Show.self, Edit.self, Remove.self])

    /// The fields of a contact shared by `add` and `edit`.
    struct Fields: ParsableArguments {
        @Option(help: "The town the person works for (id or name); a contact belongs to a town or a partner, not both.")
        var city: String?
        @Option(help: "The partner the person works for (id or name).")
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
            ContactInput(name: name, city: city, partner: partner, role: role, email: email, phone: phone, languages: languages, notes: notes)
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a contact at a town or a partner; prints its id.")
        @Argument(help: "The person's name.") var name: String
        @OptionGroup var fields: Fields
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions

        func validate() throws {
            if fields.city == nil && fields.partner == nil { throw ValidationError("Give --city or --partner: a contact belongs to one of them.") }
            if fields.city != nil && fields.partner != nil {
                throw ValidationError("Give --city or --partner, not both: a contact belongs to one of them.")
            }
        }

        func run() throws {
            let registry = try database.open()
            let contact = try registry.addContact(fields.input(name: name))
            Console.output(output.renderer.renderAdded(id: contact.id!, record: ContactRows.record(try registry.contactDetails(String(contact.id!)))))
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List contacts, by name.")
        @Option(help: "Only contacts at this town.") var city: String?
        @Option(help: "Only contacts at this partner.") var partner: String?
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let contacts = try database.open(.readOnly).contacts(ContactFilter(city: city, partner: partner))
            Console.output(output.renderer.render(ContactRows.list(contacts)))
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one contact.")
        @Argument(help: "The contact's id.") var contact: String
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            Console.output(output.renderer.render(ContactRows.record(try database.open(.readOnly).contactDetails(contact))))
        }
    }

    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "edit",
            abstract: "Change a contact: only the options given change; --city or --partner moves them; '' clears an optional field.")
        @Argument(help: "The contact's id.") var contact: String
        @Option(help: "A new name.") var name: String?
        @OptionGroup var fields: Fields
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions

        func validate() throws {
            if fields.city != nil && fields.partner != nil {
                throw ValidationError("Give --city or --partner, not both: a contact belongs to one of them.")
            }
        }

        func run() throws {
            let registry = try database.open()
            let contact = try registry.editContact(contact, fields.input(name: name))
            Console.output(output.renderer.render(ContactRows.record(try registry.contactDetails(String(contact.id!)))))
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "remove", abstract: "Remove a contact.")
        @Argument(help: "The contact's id.") var contact: String
        @OptionGroup var database: DatabaseOptions

        func run() throws {
            Console.report(try database.open().removeContact(contact))
        }
    }
}
