/// A whole site's content, loaded and validated: what the build renders.
public struct SiteContent: Sendable, Equatable {
    public var config: SiteConfig
    /// As written in `content/sectors.json`.
    public var sectors: [Sector]
    /// As written in `content/tools.json`.
    public var tools: [Tool]
    /// Sorted by slug.
    public var roles: [Role]
    /// Locale → UI string table, for the configured locales that have a file.
    public var strings: [String: StringTable]
    /// Every value a locale other than the default translates or falls back on, sorted: what
    /// the translation status reports.
    public var translations: [TranslationUnit]
    /// Every localized value that falls back to the default locale, sorted.
    public var fallbacks: [Fallback]
    /// Locale → what its translations were made from (`translations/<locale>.json`), for the
    /// locales that keep such a file.
    public var translationRecords: [String: TranslationRecords] = [:]
    /// Roles whose folder exists but which did not load (only in a partial site, beside their
    /// errors): a link to one of them is not a second mistake, so checks that resolve role
    /// references stay silent about them instead of repeating "does not exist".
    public var rolesThatFailedToLoad: Set<String> = []

    public func sector(_ id: String) -> Sector? {
        sectors.first { $0.id == id }
    }

    public func tool(_ id: String) -> Tool? {
        tools.first { $0.id == id }
    }

    /// Binary search: `roles` is sorted by slug, and pages look up related roles often.
    public func role(_ slug: String) -> Role? {
        var low = 0
        var high = roles.count
        while low < high {
            let middle = (low + high) / 2
            if roles[middle].slug < slug { low = middle + 1 } else { high = middle }
        }
        return low < roles.count && roles[low].slug == slug ? roles[low] : nil
    }

    /// Role text for `locale` with field-by-field fallback to the default locale already applied.
    public func text(of role: Role, in locale: String) -> RoleText {
        role.localized[locale] ?? role.resolvedText(in: locale, defaultLocale: config.defaultLocale).text
    }

    /// The tool's description in `locale`, else in the default locale, with the locale it is in.
    public func toolDescription(_ tool: Tool, in locale: String) -> LocalizedText {
        localized(tool.description, in: locale)
    }

    /// The sector's name in `locale`, else in the default locale, with the locale it is in.
    public func sectorName(_ sector: Sector, in locale: String) -> LocalizedText {
        localized(sector.name, in: locale)
    }

    /// The one rule for a catalog's `{locale: text}` map: the locale's own text, else the
    /// default locale's (which the loader guarantees).
    private func localized(_ texts: [String: String], in locale: String) -> LocalizedText {
        if let own = texts[locale] { return LocalizedText(text: own, locale: locale) }
        return LocalizedText(text: texts[config.defaultLocale] ?? "", locale: config.defaultLocale)
    }

    /// UI string table for `locale`, with fallback to the default table applied per key.
    public func uiStrings(in locale: String) -> [String: StringEntry] {
        let defaults = strings[config.defaultLocale]?.entries ?? [:]
        guard locale != config.defaultLocale, let own = strings[locale]?.entries else { return defaults }
        return defaults.merging(own) { _, translated in translated }
    }
}

/// A text and the locale it is written in: the locale asked for, or the default locale when it
/// fell back. Pages mark a text in another language with `lang` and typeset it by its own rules.
public struct LocalizedText: Sendable, Equatable {
    public var text: String
    public var locale: String

    public init(text: String, locale: String) {
        self.text = text
        self.locale = locale
    }
}
