import Foundation

/// What `prune` decided and did.
public struct PruneOutcome: Sendable {
    /// Every backup, newest first, with the decision.
    public let decisions: [PruneDecision]
    /// The newest backup that verifies, which is always kept.
    public let newestGood: BackupName
    /// Newer backups that failed verification on the way to it.
    public let failed: [BackupCheck]
    /// Manifests whose backup file is gone (removed with the rest).
    public let orphanManifests: [BackupName]
}

extension BackupFolder {
    /// Checks one backup against its manifest.
    public func verify(_ name: BackupName) -> BackupCheck {
        BackupVerification.check(name, in: path)
    }

    /// Applies `policy`: finds the newest backup that verifies (checking from the newest down,
    /// `knownGood` counting as checked), decides, and unless `dryRun` removes what no rule
    /// keeps, each backup with its manifest. Refuses to remove anything when no backup verifies.
    public func prune(policy: RetentionPolicy, dryRun: Bool, knownGood: BackupName? = nil) throws -> PruneOutcome {
        let lock = try lock()
        defer { withExtendedLifetime(lock) {} }
        let (backups, orphans) = try contents()
        var failed: [BackupCheck] = []
        var newestGood: BackupName?
        for name in backups.reversed() {
            if name == knownGood {
                newestGood = name
                break
            }
            let check = verify(name)
            if check.isGood {
                newestGood = name
                break
            }
            failed.append(check)
        }
        guard let newestGood else {
            throw RegistryError.refused(
                backups.isEmpty
                    ? "There are no backups in \(path) to prune."
                    : "No backup in \(path) verifies, so nothing was removed. `registry backup verify --all` says what is wrong with each.")
        }
        let decisions = policy.decide(backups, newestGood: newestGood)
        if !dryRun {
            for decision in decisions where !decision.keep {
                DurableFiles.remove(file(decision.name.fileName))
                DurableFiles.remove(file(decision.name.manifestName))
            }
            for orphan in orphans { DurableFiles.remove(file(orphan.manifestName)) }
            try DurableFiles.sync(path)
        }
        return PruneOutcome(decisions: decisions, newestGood: newestGood, failed: failed, orphanManifests: orphans)
    }
}

/// One backup as `backup list` shows it, read from its manifest without verifying.
public struct BackupListing: Sendable {
    public let name: BackupName
    public let bytes: Int64?
    public let manifest: BackupManifest?
    /// Why the manifest could not be read, when it could not.
    public let manifestProblem: String?
}

extension BackupFolder {
    /// The backups, oldest first, with what their manifests say.
    public func listing() throws -> [BackupListing] {
        try contents().backups.map { name in
            let size = (try? FileManager.default.attributesOfItem(atPath: file(name.fileName))[.size]) as? NSNumber
            do {
                let manifest = try BackupManifest.read(from: file(name.manifestName))
                return BackupListing(name: name, bytes: size?.int64Value, manifest: manifest, manifestProblem: nil)
            } catch {
                return BackupListing(name: name, bytes: size?.int64Value, manifest: nil, manifestProblem: "\(error)")
            }
        }
    }
}

extension Registry {
    /// `backup nightly`: a backup made and checked, then the folder pruned by `policy`
    /// (the new backup counting as the newest that verifies).
    public func nightlyBackup(
        in folder: BackupFolder, policy: RetentionPolicy, progress: ProgressReporter? = nil
    ) throws -> (CreatedBackup, PruneOutcome) {
        let created = try createBackup(in: folder, progress: progress)
        let name = BackupName(fileName: created.manifest.file)!
        return (created, try folder.prune(policy: policy, dryRun: false, knownGood: name))
    }
}
