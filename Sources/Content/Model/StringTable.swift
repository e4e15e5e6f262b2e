import Diagnostics

/// The UI strings of one locale from `locales/<locale>.json`, flattened: nested objects become
/// dotted keys (`{"hero": {"title": "…"}}` → `hero.title`).
public struct StringTable: Sendable, Equatable {
    public var locale: String
    public var entries: [String: StringEntry]
}

/// One UI string and where it was written, so that later checks (message syntax, unused keys)
/// can report at `file:line:column`.
public struct StringEntry: Sendable, Equatable {
    public var value: String
    /// The position of the string literal's opening quote.
    public var location: SourceLocation
}
