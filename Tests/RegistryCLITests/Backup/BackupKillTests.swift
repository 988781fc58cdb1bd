import Foundation
import Testing

/// A backup killed half way leaves nothing under a final name.
struct BackupKillTests: BackupTesting {
    let folder: TemporaryFolder

    init() throws {
        folder = try TemporaryFolder()
    }

    @Test func aBackupKilledHalfWayLeavesNothingUnderAFinalName() throws {
        try makeRegister(activities: 20_000)
        let activities = try count("activity", in: folder.database)
        // Kills land at fractions of the time a whole backup takes on this machine now, and go
        // on at random fractions until one has landed in the middle of a backup.
        let started = Date()
        _ = try createBackup()
        let whole = Date().timeIntervalSince(started)
        var fractions = [0.05, 0.2, 0.35, 0.5, 0.65, 0.8, 0.95]
        var interrupted = 0
        var kills = 0
        while let fraction = fractions.popLast() ?? (interrupted == 0 && kills < 30 ? Double.random(in: 0.1...0.9) : nil) {
            kills += 1
            let process = Process()
            process.executableURL = CommandRunner.binary
            process.arguments = ["backup", "create", "--db", folder.database]
            process.currentDirectoryURL = folder.url
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            usleep(useconds_t(whole * fraction * 1_000_000))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()

            #expect(try CommandRunner.sqlite(folder.database, "PRAGMA integrity_check").stdout == "ok\n")
            #expect(try count("activity", in: folder.database) == activities)
            interrupted += try FileManager.default.contentsOfDirectory(atPath: backups.path).contains { $0.hasSuffix(".partial") } ? 1 : 0
            // Whatever carries a final name is a whole backup with its manifest.
            let verified = try registry(["backup", "verify", "--all"])
            #expect(verified.status == 0, "killed at \(fraction) of \(whole) s: \(verified.stdout)\(verified.stderr)")
        }
        #expect(interrupted > 0, "none of \(kills) kills landed in the middle of a backup of \(whole) s")
        // The next backup works and clears what the killed ones left.
        _ = try createBackup()
        #expect(try FileManager.default.contentsOfDirectory(atPath: backups.path).filter { $0.hasSuffix(".partial") }.isEmpty)
        #expect(try registry(["backup", "verify", "--all"]).status == 0)
    }

}
