import GRDB

/// What checking raw input needs besides the input: the open transaction and the reference
/// sets, read once so that many rows (an import) can share them; and the topic links added,
/// which an import's change-set entry counts.
final class InputContext {
    let db: Database
    let reference: ReferenceData
    private(set) var linksAdded: [TopicLink: IDRanges] = [:]

    init(_ db: Database) throws {
        self.db = db
        reference = try ReferenceData(db)
    }

    /// The register's month rule for converting costs, read once for all rows (an import).
    private(set) lazy var rateMonthRule: RateMonthRule? = try? Registry.rateMonthRule(in: db)

    func replaceTopics(_ link: TopicLink, owner id: Int64, with topicIDs: [Int64]) throws -> Bool {
        let (added, removed) = try link.replace(owner: id, with: topicIDs, in: db)
        for _ in 0..<added { linksAdded[link, default: IDRanges()].append(id) }
        return added + removed > 0
    }
}

/// A record people add and edit by typing raw values (command-line options, import cells).
/// One generic path checks, inserts and updates every such record, so all follow the same rules.
protocol InputRecord: RegistryRecord, Equatable {
    associatedtype Input

    var id: Int64? { get set }

    /// The record `add` starts from, before the input is applied.
    static var blank: Self { get }

    /// The required fields that `input` lacks, as problems.
    static func missingFields(in input: Input) -> [FieldProblem]

    /// The record with the fields given in `input` applied; problems go to `checker`.
    static func applying(_ input: Input, to base: Self, in context: InputContext, checker: inout InputChecker) throws -> Self

    /// The topic codes given in `input`, or nil when the input leaves the topics as they are.
    static func topicCodes(in input: Input) -> [String]?

    /// The table linking the record to its topics, if it has topics.
    static var topicLink: TopicLink? { get }

    /// Other rows the record owns that `input` sets (a partnership's budget lines), checked now
    /// and written once the record has its id; nil when the input leaves them as they are. The
    /// write says whether anything changed.
    static func ownedRows(in input: Input, checker: inout InputChecker) -> ((Int64, Database) throws -> Bool)?

    /// Refuses a record that would duplicate another, with a sentence naming it.
    func checkUnique(in db: Database) throws

    /// Inserts the checked record and sets its id.
    mutating func insertChecked(_ db: Database) throws
}

extension InputRecord {
    mutating func insertChecked(_ db: Database) throws { try insert(db) }
}

extension InputRecord where Self: ColumnListedRecord {
    mutating func insertChecked(_ db: Database) throws { id = try insertListed(db) }
}

extension InputRecord {
    static func topicCodes(in input: Input) -> [String]? { nil }
    static var topicLink: TopicLink? { nil }
    static func ownedRows(in input: Input, checker: inout InputChecker) -> ((Int64, Database) throws -> Bool)? { nil }
    func checkUnique(in db: Database) throws {}

    /// A required field that was not given.
    static func required(_ field: String, _ value: (any Sendable)?, accepted: @autoclosure () -> String = "") -> FieldProblem? {
        value == nil ? FieldProblem(field: field, value: "", reason: "is required" + accepted()) : nil
    }

    /// Checks `input` and inserts the record with its topics, as record `id` when given.
    static func insert(_ input: Input, id: Int64? = nil, in context: InputContext) throws -> Self {
        var checker = InputChecker()
        missingFields(in: input).forEach { checker.report($0) }
        var record = try applying(input, to: blank, in: context, checker: &checker)
        let topics = topicIDs(in: input, context: context, checker: &checker)
        let owned = ownedRows(in: input, checker: &checker)
        try checker.throwIfInvalid()
        try record.checkUnique(in: context.db)
        record.id = id
        try record.insertChecked(context.db)
        if let topicLink { _ = try context.replaceTopics(topicLink, owner: record.id!, with: topics ?? []) }
        if let owned { _ = try owned(record.id!, context.db) }
        return record
    }

    /// Checks `input` and applies it to record `id` (`stored`, when the caller has just read it);
    /// topics change only when given. Also says whether anything changed: a record left as it
    /// was is not written.
    static func update(id: Int64, with input: Input, in context: InputContext, stored: Self? = nil) throws -> (record: Self, changed: Bool) {
        var checker = InputChecker()
        let before = try stored ?? fetchFirst(where: "id = ?", [id], in: context.db)!
        let record = try applying(input, to: before, in: context, checker: &checker)
        let topics = topicIDs(in: input, context: context, checker: &checker)
        let owned = ownedRows(in: input, checker: &checker)
        try checker.throwIfInvalid()
        var changed = false
        if record != before {
            try record.checkUnique(in: context.db)
            try record.update(context.db)
            changed = true
        }
        if let topics, let topicLink, try context.replaceTopics(topicLink, owner: id, with: topics) { changed = true }
        if let owned, try owned(id, context.db) { changed = true }
        return (record, changed)
    }

    private static func topicIDs(in input: Input, context: InputContext, checker: inout InputChecker) -> [Int64]? {
        topicCodes(in: input).map { context.reference.topics("topics", $0, checker: &checker) }
    }
}

extension Registry {
    /// Adds a record from raw input, in one transaction.
    func add<R: InputRecord>(_ input: R.Input, as _: R.Type) throws -> R {
        try write { db in try R.insert(input, in: InputContext(db)) }
    }

    /// Edits the record that `resolve` finds, in one transaction.
    func edit<R: InputRecord>(_ input: R.Input, as _: R.Type, id resolve: @escaping (Database) throws -> Int64) throws -> R {
        try write { db in try R.update(id: resolve(db), with: input, in: InputContext(db)).record }
    }
}

/// Raw values for adding a record, as a person typed them.
public protocol RecordInput: Sendable {
    /// The required fields not given, by the rule `add` checks (an edit may leave any field
    /// as it is). The command line asks the same, to refuse a missing option as a usage error.
    var missingFields: [FieldProblem] { get }
}

extension CityInput: RecordInput { public var missingFields: [FieldProblem] { City.missingFields(in: self) } }
extension PartnerInput: RecordInput { public var missingFields: [FieldProblem] { Partner.missingFields(in: self) } }
extension ContactInput: RecordInput { public var missingFields: [FieldProblem] { Contact.missingFields(in: self) } }
extension PartnershipInput: RecordInput { public var missingFields: [FieldProblem] { Partnership.missingFields(in: self) } }
extension ActivityInput: RecordInput { public var missingFields: [FieldProblem] { Activity.missingFields(in: self) } }
extension ExpenseInput: RecordInput { public var missingFields: [FieldProblem] { Expense.missingFields(in: self) } }
