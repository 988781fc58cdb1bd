import ArgumentParser
import Foundation
import Registry

extension BackupCommand {
    struct Prune: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "prune",
            abstract: "Remove old backups by a keep-daily / keep-weekly / keep-monthly policy (default 7, 5, 12).",
            discussion: """
                As in borg and restic: for each of the last N days (ISO weeks, months) that have a backup, \
                the newest backup of that period is kept; each rule counts on its own, periods are UTC. \
                The newest backup that verifies is always kept, and when none verifies nothing is removed. \
                Prints each backup with keep or remove and the reasons.
                """)

        @OptionGroup var retention: RetentionOptions
        @Flag(help: "Show what would be kept and removed, and why, without removing anything.") var dryRun = false
        @OptionGroup var folder: BackupFolderOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let outcome = try folder.folder.prune(policy: retention.policy, dryRun: dryRun)
            let remove = dryRun ? "would remove" : "removed"
            let rows = outcome.decisions.map { decision in
                let failed = outcome.failed.contains { $0.name == decision.name } ? ["fails verification"] : []
                return [
                    Cell.text(decision.name.fileName), .text(decision.keep ? "keep" : remove),
                    .text((decision.reasons + failed).joined(separator: ", ")),
                ]
            }
            Console.message("Keeping \(retention.policy.description), and the newest backup that verifies.")
            Console.output(output.renderer.render(TableData(columns: ["backup", "action", "reasons"], rows: rows)))
            Console.message(pruneSummary(outcome, removed: remove))
        }
    }

    struct Restore: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "restore",
            abstract: "Put a backup in place of the database (or at --to PATH), keeping the current one aside.",
            discussion: """
                The backup is verified first. The current database is locked (other commands wait), copied aside as \
                NAME-before-restore-YYYYMMDDTHHMMSSZ.sqlite beside it, and replaced in one transaction. \
                Refused without --force when the current database has changes (in its audit log) that the backup \
                lacks, or cannot be read at all.
                """)

        @Argument(help: ArgumentHelp("The backup file (a path, or a name in the backup folder).", valueName: "file"), completion: .backups) var file:
            String
        @Option(help: ArgumentHelp("Restore into this file instead of the database.", valueName: "path"), completion: .file()) var to: String?
        @Flag(help: "Restore even when the current database has newer changes or cannot be read.") var force = false
        @OptionGroup var folder: BackupFolderOptions

        func run() throws {
            let backup = try folder.path(of: file)
            let outcome = try Registry.restore(backup: backup, to: to ?? (try folder.database.path), force: force)
            let aside = outcome.keptAside.map { " The database that was there is kept as \($0)." } ?? ""
            Console.message("Restored \(outcome.manifest.file) (\(outcome.manifest.created)) into \(outcome.target).\(aside)")
        }
    }

    struct Nightly: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "nightly",
            abstract: "Make and verify a backup, then prune: one command for cron or a systemd timer.",
            discussion: """
                Quiet on success but for one summary line on stderr; any failure exits with 1 and says what failed. \
                Prunes by --keep-daily 7 --keep-weekly 5 --keep-monthly 12 unless told otherwise. \
                See contrib/ for a systemd service and timer and a crontab line.
                """)

        @OptionGroup var retention: RetentionOptions
        @OptionGroup var folder: BackupFolderOptions

        func run() throws {
            let registry = try folder.database.openExisting()
            let (created, pruned) = try ProgressDisplay.showing { progress in
                try registry.nightlyBackup(in: folder.folder, policy: retention.policy, progress: progress)
            }
            Console.message("backup ok: \(created.manifest.file), \(backupSummary(created)) \(pruneSummary(pruned, removed: "removed"))")
        }
    }
}

/// `--keep-daily`, `--keep-weekly` and `--keep-monthly`.
struct RetentionOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Keep the newest backup of each of the last N days that have one.", valueName: "n"))
    var keepDaily = RetentionPolicy.nightly.daily
    @Option(help: ArgumentHelp("Keep the newest backup of each of the last N ISO weeks that have one.", valueName: "n"))
    var keepWeekly = RetentionPolicy.nightly.weekly
    @Option(help: ArgumentHelp("Keep the newest backup of each of the last N months that have one.", valueName: "n"))
    var keepMonthly = RetentionPolicy.nightly.monthly

    func validate() throws {
        for (name, value) in [("--keep-daily", keepDaily), ("--keep-weekly", keepWeekly), ("--keep-monthly", keepMonthly)] where value < 0 {
            throw ValidationError("\(name) '\(value)': give a count of 0 or more.")
        }
    }

    var policy: RetentionPolicy { RetentionPolicy(daily: keepDaily, weekly: keepWeekly, monthly: keepMonthly) }
}

/// What a prune kept and removed, in one sentence.
func pruneSummary(_ outcome: PruneOutcome, removed: String) -> String {
    let kept = outcome.decisions.filter(\.keep).count
    let gone = outcome.decisions.count - kept
    let failed = outcome.failed.isEmpty ? "" : " \(outcome.failed.count) newer backups fail verification: `registry backup verify --all`."
    return "Kept \(kept) backups, \(removed) \(gone).\(failed)"
}
