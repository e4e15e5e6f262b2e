/// What `site.json` says: the site's identity, its locales and which sections a role page shows.
public struct SiteConfig: Sendable, Equatable {
    public var title: String
    /// An absolute http(s) URL that always ends with `/`, so page paths can be appended to it.
    public var baseURL: String
    /// The locale every text must exist in; the others fall back to it.
    public var defaultLocale: String
    /// The configured locales in the order `site.json` lists them (the default among them).
    public var locales: [String]
    /// Per-locale translations of URL path segments (`fr` → `roles` → `metiers`). A segment that
    /// is not translated for a locale keeps its own name: use `urlSegment(_:in:)`.
    public var urlSegments: [String: [URLSegment: String]]
    /// Whether Markdown may contain raw HTML (off by default: content editors write text).
    public var allowRawHTML: Bool
    /// Where the report form posts; nil means the site has no report form.
    public var reportEndpoint: String?
    /// The sections of a role page, in display order.
    public var sections: [Section]
    /// The link-preview picture of every page that does not have its own (`og:image`).
    public var image: SharingImage?

    /// The URL path segment `segment` in `locale`: its translation, else its default wording.
    public func urlSegment(_ segment: URLSegment, in locale: String) -> String {
        urlSegments[locale]?[segment] ?? segment.defaultWording
    }
}

/// A URL path segment whose wording `site.json` may translate per locale.
public enum URLSegment: String, Sendable, Hashable, CaseIterable {
    /// The folder that holds role pages: `/roles/backend-developer/`.
    case roles
    /// A role's deep-dive article, under its page: `/roles/backend-developer/full-analysis/`.
    case article

    /// The segment's wording where a locale does not translate it.
    public var defaultWording: String {
        switch self {
        case .roles: "roles"
        case .article: "full-analysis"
        }
    }
}

/// A section of a role page. The declaration order is the standard page order, used when
/// `site.json` does not choose its own.
public enum Section: String, Sendable, CaseIterable {
    case hero, tasks, replacingTools, benchmark, skills, analysis, verdict, toolsToLearn, salary
    case roadmap, quickWins, report, deepDive, relatedRoles, faq
}
