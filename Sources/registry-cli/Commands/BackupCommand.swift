import ArgumentParser
import Foundation
import Registry

struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Verified backups: make, list, verify, prune and restore them; `nightly` for cron or a systemd timer.",
        discussion: """
            A backup is one consistent snapshot, taken while other commands keep writing, named \
            registry-YYYYMMDDTHHMMSSZ.sqlite (UTC) with a manifest registry-YYYYMMDDTHHMMSSZ.json beside it \
            (SHA-256, size, row counts, migrations, versions). Backups are owner-only files. \
            Folder: --dir, else $REGISTRY_BACKUP_DIR, else backups/ beside the database.
            """,
        subcommands: [Create.self, List.self, Verify.self, Prune.self, Restore.self, Nightly.self])

    struct Create: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "create",
            abstract: "Make a backup now, check it, and print its path.",
            discussion: """
                The copy is checked before it gets its final name: SQLite's integrity check, foreign keys, \
                and row counts equal to the snapshot's. A failure leaves no file under a final name and exits with 1.
                """)

        @OptionGroup var folder: BackupFolderOptions

        func run() throws {
            let registry = try folder.database.openExisting()
            let created = try ProgressDisplay.showing { try registry.createBackup(in: folder.folder, progress: $0) }
            Console.output(created.path + "\n")
            Console.message("Backup \(created.manifest.file): \(backupSummary(created))")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List the backups, oldest first, as their manifests describe them (without verifying).")

        @OptionGroup var folder: BackupFolderOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let rows = try folder.folder.listing().map { backup -> [Cell] in
                [
                    .text(backup.name.fileName), .text(backup.manifest?.created ?? ""), backup.bytes.map(Cell.integer) ?? .null,
                    backup.manifest.map { .integer(Int64($0.contents.totalRows)) } ?? .null,
                    backup.manifest.map { .integer(Int64($0.contents.migrations.count)) } ?? .null,
                    .text(backup.manifestProblem ?? "manifest ok"),
                ]
            }
            let columns = ["backup", "created", "bytes", "rows", "migrations", "manifest"]
            Console.output(output.renderer.render(TableData(columns: columns, rows: rows)))
        }
    }

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "verify",
            abstract: "Verify a backup (default: the newest), or every backup with --all.",
            discussion: """
                Each backup's size and SHA-256 are compared with its manifest, then SQLite checks it \
                (integrity, foreign keys) and its row counts and migrations are compared with the manifest. \
                Exits with 1 when any backup fails, naming it and why.
                """)

        @Argument(help: ArgumentHelp("A backup file (a path, or a name in the backup folder).", valueName: "file"), completion: .backups) var file:
            String?
        @Flag(help: "Verify every backup in the folder.") var all = false
        @OptionGroup var folder: BackupFolderOptions
        @OptionGroup var output: OutputOptions

        func validate() throws {
            if all && file != nil { throw ValidationError("Give a backup file or --all, not both.") }
        }

        func run() throws {
            let chosen = try chosen()
            let checks = ProgressDisplay.showing { progress in
                chosen.enumerated().map { index, backup in
                    progress?(WorkProgress(step: "verifying \(backup.name.fileName)", done: Int64(index), total: Int64(chosen.count), unit: .backups))
                    return backup.folder.verify(backup.name)
                }
            }
            let rows = checks.map { [Cell.text($0.name.fileName), .text($0.isGood ? "ok" : "FAILED"), .text($0.problems.joined(separator: "; "))] }
            Console.output(output.renderer.render(TableData(columns: ["backup", "result", "problems"], rows: rows)))
            let failed = checks.filter { !$0.isGood }
            guard failed.isEmpty else {
                throw RegistryError.refused(
                    failed.map { "\($0.path) fails verification: \($0.problems.joined(separator: "; "))." }.joined(separator: "\n"))
            }
            Console.message(checks.count == 1 ? "\(checks[0].name) verifies." : "All \(checks.count) backups verify.")
        }

        /// The backups to verify, each with the folder that holds it.
        private func chosen() throws -> [(folder: BackupFolder, name: BackupName)] {
            if let file {
                let named = try folder.path(of: file)
                let parent = (named as NSString).deletingLastPathComponent
                guard let name = BackupName(fileName: (named as NSString).lastPathComponent) else {
                    throw RegistryError.refused("\(file) is not a backup's name (registry-YYYYMMDDTHHMMSSZ.sqlite).")
                }
                return [(BackupFolder(path: parent), name)]
            }
            let backups = try folder.folder.contents().backups
            guard let newest = backups.last else { throw RegistryError.refused("There are no backups in \(try folder.folder.path).") }
            let backupFolder = try folder.folder
            return (all ? backups : [newest]).map { (backupFolder, $0) }
        }
    }
}

/// `--dir` and the database it belongs to.
struct BackupFolderOptions: ParsableArguments {
    @Option(
        name: .customLong("dir"),
        help: ArgumentHelp("The backup folder (default: $REGISTRY_BACKUP_DIR, else backups/ beside the database).", valueName: "dir"),
        completion: .directory)
    var dir: String?

    @OptionGroup var database: DatabaseOptions

    var folder: BackupFolder {
        get throws {
            BackupFolder(path: try dir ?? BackupFolder.defaultPath(forDatabase: database.path, environment: CommandContext.current.environment))
        }
    }

    /// A backup named on the command line: a path as given, or a bare name in the backup folder.
    func path(of file: String) throws -> String {
        file.contains("/") ? file : try folder.path + "/" + file
    }
}

/// A backup's size, rows and timings, for messages.
func backupSummary(_ created: CreatedBackup) -> String {
    let megabytes = String(format: "%.1f MB", Double(created.manifest.bytes) / 1_000_000)
    let timing = String(format: "copied in %.1f s, checked in %.1f s", created.copySeconds, created.checkSeconds)
    return "\(megabytes), \(created.manifest.contents.totalRows) rows, verified (\(timing))."
}
