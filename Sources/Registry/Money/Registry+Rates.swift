import Foundation
import GRDB

/// Which month's rate converts a cost: the month it was incurred (the expense's date, the
/// default) or the month it is recorded in the register. One setting per register.
public enum RateMonthRule: String, DefaultedVocabulary {
    public static let initial = RateMonthRule.incurred

    case incurred, recorded
}

extension Registry {
    /// Adds the rate of `currency` for `month`, or corrects the one already there (logged in the
    /// audit trail); expenses already recorded keep the rate they were converted at.
    @discardableResult
    public func addRate(currency: String, month: String, rate: String, source: String? = nil) throws -> ExchangeRate {
        try write { db in try Self.storeRate(currency: currency, month: month, rate: rate, source: source, in: db) }
    }

    /// The rates, by currency and month.
    public func rates(currency: String? = nil) throws -> [ExchangeRate] {
        try read { db in
            var checker = InputChecker()
            let code = currency.flatMap { checker.choice("currency", $0, as: Currency.self) }
            try checker.throwIfInvalid()
            var request = ExchangeRate.order(Column("currency"), Column("month"))
            if let code { request = request.filter(Column("currency") == code) }
            return try request.fetchAll(db)
        }
    }

    /// Removes the rate of `currency` for `month`; expenses converted at it keep their figures.
    public func removeRate(currency: String, month: String) throws -> ExchangeRate {
        try write { db in
            let (code, month) = try Self.rateKey(currency: currency, month: month)
            guard let rate = try ExchangeRate.filter(Column("currency") == code && Column("month") == month).fetchOne(db) else {
                throw RegistryError.notFound(entity: "rate", reference: "\(code.rawValue) \(month)")
            }
            try rate.delete(db)
            return rate
        }
    }

    /// Reads rates from a CSV file with the columns currency, month, rate (and source,
    /// optionally), all or nothing: a refused line names its line and leaves every rate as it was.
    /// Gives the number of rates read.
    public func importRates(path: String) throws -> Int {
        let rows = try Self.rateRows(path: path)
        return try write { db in
            var problems: [FieldProblem] = []
            for row in rows {
                do {
                    try Self.storeRate(currency: row.currency, month: row.month, rate: row.rate, source: row.source, in: db)
                } catch RegistryError.invalid(let found) {
                    problems += found.map { FieldProblem(field: "line \(row.line), \($0.field)", value: $0.value, reason: $0.reason) }
                }
            }
            if !problems.isEmpty { throw RegistryError.invalid(problems) }
            return rows.count
        }
    }

    /// The register's rule for which month's rate converts a cost.
    public func rateMonthRule() throws -> RateMonthRule {
        try read { db in try Self.rateMonthRule(in: db) }
    }

    /// Sets the rule; expenses already recorded keep their rates.
    public func setRateMonthRule(_ text: String) throws -> RateMonthRule {
        try write { db in
            var checker = InputChecker()
            let rule = checker.choice("rule", text, as: RateMonthRule.self)
            try checker.throwIfInvalid()
            try db.execute(sql: "UPDATE setting SET value = ? WHERE name = 'rate_month'", arguments: [rule!.rawValue])
            return rule!
        }
    }

    static func rateMonthRule(in db: Database) throws -> RateMonthRule {
        try String.fetchOne(db, sql: "SELECT value FROM setting WHERE name = 'rate_month'").flatMap(RateMonthRule.init) ?? .initial
    }

    /// The rate of `currency` for `month`, if the register has one.
    static func rate(_ currency: Currency, month: String, in db: Database) throws -> ExchangeRate? {
        try ExchangeRate.filter(Column("currency") == currency && Column("month") == month).fetchOne(db)
    }

    /// The currency (not EUR) and month a person typed; problems go to `checker`.
    private static func rateKey(currency: String, month: String, checker: inout InputChecker) -> (Currency, String)? {
        let code = checker.choice("currency", currency, as: Currency.self)
        if code == .eur {
            checker.report(
                "currency", currency,
                "needs no rate: the programme accounts in EUR; give one of \(Currency.converted.map(\.rawValue).joined(separator: ", "))")
        }
        let month = checker.month("month", month)
        guard let code, code != .eur, let month else { return nil }
        return (code, month)
    }

    private static func rateKey(currency: String, month: String) throws -> (Currency, String) {
        var checker = InputChecker()
        let key = rateKey(currency: currency, month: month, checker: &checker)
        try checker.throwIfInvalid()
        return key!
    }

    @discardableResult
    private static func storeRate(currency: String, month: String, rate: String, source: String?, in db: Database) throws -> ExchangeRate {
        var checker = InputChecker()
        let key = rateKey(currency: currency, month: month, checker: &checker)
        let micros = checker.rate("rate", rate)
        let source = source.map { checker.freeText("source", $0) } ?? Rate.defaultSource
        try checker.throwIfInvalid()
        let (code, month) = key!
        var stored =
            try Self.rate(code, month: month, in: db) ?? ExchangeRate(id: nil, currency: code, month: month, unitsPerEurMicros: 0, source: "")
        stored.unitsPerEurMicros = micros!
        stored.source = source ?? Rate.defaultSource
        try stored.save(db)
        if stored.id == nil { stored.id = db.lastInsertedRowID }
        return stored
    }

    /// The rows of a rates file, checked for their columns.
    private static func rateRows(path: String) throws -> [(line: Int, currency: String, month: String, rate: String, source: String?)] {
        let descriptor = Glibc.open(path, O_RDONLY)
        guard descriptor >= 0 else { throw RegistryError.file(path: path, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        var reader = try CSVRecordReader(input: ByteInput(descriptor: descriptor, name: path), name: path, encoding: .utf8)
        guard let header = try reader.next() else { return [] }
        let names = header.fields.map { $0.trimmed().lowercased() }
        let expected = ["currency", "month", "rate"]
        guard expected.allSatisfy(names.contains), names.allSatisfy((expected + ["source"]).contains) else {
            throw RegistryError.invalid([
                FieldProblem(
                    field: "line 1", value: header.fields.joined(separator: ","),
                    reason: "is not the header of a rates file: give the columns currency, month, rate and, optionally, source")
            ])
        }
        var rows: [(line: Int, currency: String, month: String, rate: String, source: String?)] = []
        var problems: [FieldProblem] = []
        while let record = try reader.next() {
            if let problem = record.problem {
                problems.append(FieldProblem(field: "line \(record.line)", value: "", reason: problem))
                continue
            }
            guard record.fields.count == names.count else {
                problems.append(
                    FieldProblem(field: "line \(record.line)", value: "", reason: "has \(record.fields.count) fields; the header has \(names.count)"))
                continue
            }
            let cell = { (name: String) in names.firstIndex(of: name).map { record.fields[$0] } }
            rows.append((record.line, cell("currency")!, cell("month")!, cell("rate")!, cell("source").flatMap { $0.trimmed().isEmpty ? nil : $0 }))
        }
        if !problems.isEmpty { throw RegistryError.invalid(problems) }
        return rows
    }
}
