import Foundation
import GRDB

extension Registry {
    /// Runs `body`, turning SQLite's errors into sentences: raw SQL never reaches a user.
    static func translatingErrors<T>(path: String? = nil, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as DatabaseError {
            throw translate(error, path: path)
        }
    }

    static func translate(_ error: DatabaseError, path: String?) -> RegistryError {
        let file = path ?? "the database"
        switch error.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return .database(
                "The database is busy: another registry command held it for more than "
                    + "\(Int(busyTimeout)) seconds. Nothing was changed; try again.")
        case .SQLITE_NOTADB, .SQLITE_CORRUPT:
            return .database(
                "\(file) is not a usable registry database (it is damaged or not SQLite). "
                    + "Nothing was changed; restore it from a backup: `registry backup list`, then `registry backup restore FILE`.")
        case .SQLITE_IOERR where error.extendedResultCode != .SQLITE_IOERR_SHORT_READ && error.extendedResultCode != .SQLITE_IOERR_READ:
            return .database(
                "Writing \(file) failed (\(error.extendedResultCode)): the disk may be full, a file size limit reached, or the disk failing. "
                    + "Nothing was changed.")
        case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_READONLY, .SQLITE_IOERR:
            if let path, let folder = unwritableFolder(of: path) {
                return .database(
                    "\(file) is in a folder you may not write to (\(folder)): SQLite needs to create \((path as NSString).lastPathComponent)-shm "
                        + "there even to read a register in write-ahead-log mode. Nothing was changed. Ask for write permission on the folder, "
                        + "or copy the register (with its -wal file, if any) to a folder of yours and give --db the copy.")
            }
            return .database(
                "\(file) could not be opened for writing (\(error.resultCode)). "
                    + "Check that the folder exists and that you may write to it.")
        case .SQLITE_FULL:
            return .database("The disk holding \(file) is full. Nothing was changed.")
        case .SQLITE_CONSTRAINT:
            return .refused(constraintSentence(error))
        default:
            // SQLite's own sentence ("no such column: city"), never the statement itself.
            let reason = error.message.map { ": \($0)" } ?? " (\(error.resultCode))"
            return .database("The database reported an error\(reason). Nothing was changed.")
        }
    }

    /// The folder holding `path` when this process may not create files in it.
    private static func unwritableFolder(of path: String) -> String? {
        let folder = (path as NSString).deletingLastPathComponent
        let name = folder.isEmpty ? "." : folder
        return access(name, W_OK) == 0 ? nil : name
    }

    /// A constraint failure the registry's own checks did not catch first, as a sentence.
    private static func constraintSentence(_ error: DatabaseError) -> String {
        let detail = (error.message ?? "")
            .replacingOccurrences(of: " constraint failed", with: "")
        switch error.extendedResultCode {
        case .SQLITE_CONSTRAINT_FOREIGNKEY:
            return "The change refers to a record that does not exist, or would leave other records "
                + "pointing at one that does not. Nothing was changed."
        case .SQLITE_CONSTRAINT_UNIQUE, .SQLITE_CONSTRAINT_PRIMARYKEY:
            return "The change would duplicate a value that must be unique (\(detail)). Nothing was changed."
        default:
            return "The change breaks a rule of the register (\(detail)). Nothing was changed."
        }
    }
}
