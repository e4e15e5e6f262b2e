/// `sitemap.xml` with hreflang alternates (every locale, itself included, and `x-default`) and
/// `robots.txt` pointing at it.
enum Sitemap {
    struct Entry {
        var path: String
        var alternates: [(hreflang: String, href: String)]
        var lastModified: String?
    }

    static func xml(_ entries: [Entry], urls: SiteURLs) -> String {
        var out = """
            <?xml version="1.0" encoding="UTF-8"?>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">

            """
        for entry in entries {
            out += "  <url>\n    <loc>\(escape(urls.absolute(entry.path)))</loc>\n"
            if let lastModified = entry.lastModified { out += "    <lastmod>\(lastModified)</lastmod>\n" }
            for alternate in entry.alternates {
                out += "    <xhtml:link rel=\"alternate\" hreflang=\"\(escape(alternate.hreflang))\" href=\"\(escape(alternate.href))\"/>\n"
            }
            out += "  </url>\n"
        }
        out += "</urlset>\n"
        return out
    }

    static func robots(urls: SiteURLs) -> String {
        "User-agent: *\nAllow: /\n\nSitemap: \(urls.absolute(urls.sitemap))\n"
    }

    private static func escape(_ s: String) -> String {
        MarkupEscaping.escape(s)
    }
}
