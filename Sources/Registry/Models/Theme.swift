import GRDB

/// One of the programme's seven themes.
public struct Theme: RegistryRecord, Equatable, Sendable {
    public var id: Int64?
    public var code: String
    public var nameEn: String
    public var nameNb: String

    public static let databaseTableName = "theme"
}

/// A topic within a theme; towns ask for topics and partners offer them.
public struct Topic: RegistryRecord, Equatable, Sendable {
    public var id: Int64?
    public var themeId: Int64
    public var code: String
    public var nameEn: String
    public var nameNb: String

    public static let databaseTableName = "topic"
}

/// A theme with its topics, in the programme's order.
public struct ThemeWithTopics: Equatable, Sendable {
    public var theme: Theme
    public var topics: [Topic]
}
