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
            return .database(
                "\(file) could not be opened for writing (\(error.resultCode)). "
                    + "Check that the folder exists and that you may write to it.")
        case .SQLITE_FULL:
            return .database("The disk holding \(file) is full. Nothing was changed.")
        case .SQLITE_CONSTRAINT:
            return .refused(constraintSentence(error))
        default:
            return .database("The database reported an error (\(error.resultCode)). Nothing was changed.")
        }
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
