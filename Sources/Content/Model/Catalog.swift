/// An industry sector from `content/sectors.json`; roles name one by `id`.
public struct Sector: Sendable, Equatable {
    public var id: String
    /// Locale → name, as written (the default locale's entry is always present).
    /// Use `SiteContent.sectorName(_:in:)` for a name with fallback applied.
    public var name: [String: String]
}

/// An AI tool from `content/tools.json`; roles name tools by `id` in `replacingTools` and
/// `toolsToLearn`.
public struct Tool: Sendable, Equatable {
    public var id: String
    /// A product name, the same in every language.
    public var name: String
    /// The tool's home page, when given.
    public var url: String?
    /// Locale → one-line description, as written (the default locale's entry is always present).
    /// Use `SiteContent.toolDescription(_:in:)` for a description with fallback applied.
    public var description: [String: String]
}
