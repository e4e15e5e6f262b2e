import Content

/// Every URL of the site, in one place, so that links, canonical URLs, hreflang alternates,
/// the sitemap and the files on disk can never disagree.
///
/// Paths are root-relative and end with `/` (clean URLs); a page at path `p` is written to
/// `<output>/<p without the base path>/index.html`. A base URL with a path (`https://x/docs/`)
/// puts the whole site under that path.
struct SiteURLs: Sendable {
    /// `https://example.org` — scheme and host of the base URL, without a trailing slash.
    let origin: String
    /// `/` or `/docs/` — the base URL's path, always starting and ending with `/`.
    let basePath: String
    private let config: SiteConfig
    /// Per configured locale, the start of its role pages' paths (`/fr/metiers/`) and its
    /// articles' segment (`analyse-complete`), put together once: a page links to a dozen role
    /// and article pages, and each path was otherwise six appends and two lookups.
    private let localePaths: [(locale: String, rolesPrefix: String, articleSegment: String)]

    init(config: SiteConfig) {
        self.config = config
        var base = config.baseURL
        if !base.hasSuffix("/") { base += "/" }
        // Split "https://host/path/" into origin and path without Foundation's URL parsing quirks.
        if let schemeEnd = base.range(of: "://") {
            let afterScheme = base[schemeEnd.upperBound...]
            if let slash = afterScheme.firstIndex(of: "/") {
                origin = String(base[..<slash])
                basePath = String(base[slash...])
            } else {
                origin = base
                basePath = "/"
            }
        } else {
            origin = ""
            basePath = base.hasPrefix("/") ? base : "/" + base
        }
        let basePath = basePath
        localePaths = config.locales.map { locale in
            (locale, Self.rolesPrefix(basePath: basePath, locale: locale, config: config), config.urlSegment(.article, in: locale))
        }
    }

    /// `/fr/metiers/`: where `locale`'s role pages are.
    private static func rolesPrefix(basePath: String, locale: String, config: SiteConfig) -> String {
        index(basePath: basePath, locale: locale) + config.urlSegment(.roles, in: locale) + "/"
    }

    private static func index(basePath: String, locale: String) -> String { basePath + locale + "/" }

    var root: String { basePath }
    var notFound: String { basePath + "404.html" }
    /// A locale's own not-found page, which a server can show for missing paths under `/<locale>/`.
    func notFound(_ locale: String) -> String { index(locale) + "404.html" }
    var sitemap: String { basePath + "sitemap.xml" }

    func index(_ locale: String) -> String { Self.index(basePath: basePath, locale: locale) }

    func role(_ slug: String, in locale: String) -> String {
        Self.joined(paths(of: locale)?.rolesPrefix ?? Self.rolesPrefix(basePath: basePath, locale: locale, config: config), slug, "/")
    }

    func article(_ slug: String, in locale: String) -> String {
        Self.joined(role(slug, in: locale), paths(of: locale)?.articleSegment ?? config.urlSegment(.article, in: locale), "/")
    }

    /// `a + b + c` as one string, its bytes copied into it at once: `+` made a string for
    /// `a + b` and another for the rest, each append checking where the pieces join (a page
    /// asks for twenty-odd role URLs).
    private static func joined(_ a: String, _ b: String, _ c: String) -> String {
        let count = a.utf8.count + b.utf8.count + c.utf8.count
        return String(unsafeUninitializedCapacity: count) { buffer in
            let bytes = UnsafeMutableRawBufferPointer(buffer)
            return c.copyUTF8(into: bytes, at: b.copyUTF8(into: bytes, at: a.copyUTF8(into: bytes, at: 0)))
        }
    }

    /// `localePaths` of `locale` (a configured one always has them).
    private func paths(of locale: String) -> (locale: String, rolesPrefix: String, articleSegment: String)? {
        localePaths.first { $0.locale == locale }
    }

    func asset(_ name: String) -> String { basePath + "assets/" + name }

    /// The absolute form of a root-relative path, for canonical URLs, hreflang and the sitemap.
    func absolute(_ path: String) -> String { origin + path }

    /// Where the file for a path goes, relative to the output folder.
    func filePath(for path: String) -> String {
        var relative = String(path.dropFirst(basePath.count))
        if relative.isEmpty || relative.hasSuffix("/") { relative += "index.html" }
        return relative
    }
}
