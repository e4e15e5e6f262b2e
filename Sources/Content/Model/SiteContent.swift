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

    /// The tool's description in `locale`, else in the default locale.
    public func toolDescription(_ tool: Tool, in locale: String) -> String {
        tool.description[locale] ?? tool.description[config.defaultLocale] ?? ""
    }

    /// The sector's name in `locale`, else in the default locale.
    public func sectorName(_ sector: Sector, in locale: String) -> String {
        sector.name[locale] ?? sector.name[config.defaultLocale] ?? ""
    }

    /// UI string table for `locale`, with fallback to the default table applied per key.
    public func uiStrings(in locale: String) -> [String: StringEntry] {
        let defaults = strings[config.defaultLocale]?.entries ?? [:]
        guard locale != config.defaultLocale, let own = strings[locale]?.entries else { return defaults }
        return defaults.merging(own) { _, translated in translated }
    }
}
