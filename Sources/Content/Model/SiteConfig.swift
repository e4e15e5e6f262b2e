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

    /// The largest Markdown file, in bytes, that a build accepts (`markdownSizeLimit`).
    public var markdownSizeLimit: Int

    /// 256 KB: ten times the longest real analysis, yet small enough that cmark-gfm, whose table
    /// parsing takes time quadratic in a table's size in Debian's version (a 2 MB table takes
    /// 7–18 s), renders any accepted file in well under a second.
    public static let defaultMarkdownSizeLimit = 256 * 1024
    /// What `markdownSizeLimit` may be raised to.
    public static let markdownSizeLimitRange = 1...(64 * 1024 * 1024)

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

/// A section of a role page, by the name `site.json`'s `sections` lists. rolegen's own sections
/// are the static members; `standard` is their page order, used when `site.json` does not choose
/// its own. A build may know more sections than these (the page code of each is a
/// `RolePageSection` in the Site module): the loader is told which names are valid.
public struct Section: RawRepresentable, Hashable, Sendable {
    public let rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    public static let hero = Section(rawValue: "hero")
    public static let tasks = Section(rawValue: "tasks")
    public static let replacingTools = Section(rawValue: "replacingTools")
    public static let benchmark = Section(rawValue: "benchmark")
    public static let skills = Section(rawValue: "skills")
    public static let analysis = Section(rawValue: "analysis")
    public static let verdict = Section(rawValue: "verdict")
    public static let toolsToLearn = Section(rawValue: "toolsToLearn")
    public static let salary = Section(rawValue: "salary")
    public static let roadmap = Section(rawValue: "roadmap")
    public static let quickWins = Section(rawValue: "quickWins")
    public static let report = Section(rawValue: "report")
    public static let deepDive = Section(rawValue: "deepDive")
    public static let relatedRoles = Section(rawValue: "relatedRoles")
    public static let faq = Section(rawValue: "faq")

    /// rolegen's sections in the standard page order (docs/schemas/site.schema.json lists them).
    public static let standard: [Section] = [
        .hero, .tasks, .replacingTools, .benchmark, .skills, .analysis, .verdict, .toolsToLearn, .salary,
        .roadmap, .quickWins, .report, .deepDive, .relatedRoles, .faq,
    ]
}
