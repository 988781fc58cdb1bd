import GRDB
import Testing

@testable import Registry

/// What users read when something fails: sentences naming the field and value, never SQL.
struct ErrorMessageTests {
    @Test func aProblemNamesTheFieldTheValueAndTheReason() {
        #expect(FieldProblem(field: "budget", value: "-5", reason: "is negative").description == "budget '-5': is negative")
        #expect(FieldProblem(field: "name", value: "", reason: "is required").description == "name: is required")
    }

    @Test func everyProblemIsOnItsOwnLine() {
        let error = RegistryError.invalid([
            FieldProblem(field: "voivodeship", value: "Silesia", reason: "is unknown"),
            FieldProblem(field: "budget", value: "-5", reason: "is negative"),
        ])
        #expect(error.description == "voivodeship 'Silesia': is unknown\nbudget '-5': is negative")
        #expect(error.isInvalidInput)
        #expect(!RegistryError.notFound(entity: "city", reference: "x").isInvalidInput)
        #expect(!RegistryError.duplicate("x").isInvalidInput)
    }

    @Test func notFoundSaysHowToListTheRecords() {
        let message = RegistryError.notFound(entity: "partner", reference: "Oslo kommune").description
        #expect(message.contains("'Oslo kommune'"))
        #expect(message.contains("registry partner list"))
    }

    @Test(arguments: [
        (ResultCode.SQLITE_BUSY, "busy"), (.SQLITE_NOTADB, "/srv/registry.sqlite"), (.SQLITE_CORRUPT, "backup"),
        (.SQLITE_FULL, "full"), (.SQLITE_CANTOPEN, "/srv/registry.sqlite"),
    ])
    func sqliteFailuresBecomeSentences(code: ResultCode, phrase: String) {
        let error = Registry.translate(DatabaseError(resultCode: code), path: "/srv/registry.sqlite")
        guard case .database(let message) = error else {
            Issue.record("expected a database error, got \(error)")
            return
        }
        #expect(message.contains(phrase))
        #expect(message.hasSuffix("."))
    }

    @Test func aForeignKeyFailureIsRefusedWithoutSQL() {
        let error = Registry.translate(
            DatabaseError(resultCode: .SQLITE_CONSTRAINT_FOREIGNKEY, message: "FOREIGN KEY constraint failed"), path: nil)
        guard case .refused(let message) = error else {
            Issue.record("expected a refusal, got \(error)")
            return
        }
        #expect(!message.contains("FOREIGN KEY"))
        #expect(message.contains("Nothing was changed"))
    }
}
