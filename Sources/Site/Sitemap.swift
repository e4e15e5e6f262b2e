/// `sitemap.xml` with hreflang alternates (every locale, itself included, and `x-default`) and
/// `robots.txt` pointing at it.
enum Sitemap {
    struct Entry {
        var path: String
        var alternates: [(hreflang: String, href: String)]
        var lastModified: String?
    }

    /// Built as bytes with room reserved for every entry: for a large site it is the largest
    /// file of the build, made while the pages render.
    static func xml(_ entries: [Entry], urls: SiteURLs) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(300 + entries.count * (200 + (entries.first?.alternates.count ?? 0) * 120))
        out += """
            <?xml version="1.0" encoding="UTF-8"?>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">

            """.utf8
        for entry in entries {
            out += "  <url>\n    <loc>".utf8
            out += escape(urls.absolute(entry.path)).utf8
            out += "</loc>\n".utf8
            if let lastModified = entry.lastModified {
                out += "    <lastmod>".utf8
                out += lastModified.utf8
                out += "</lastmod>\n".utf8
            }
            for alternate in entry.alternates {
                out += "    <xhtml:link rel=\"alternate\" hreflang=\"".utf8
                out += escape(alternate.hreflang).utf8
                out += "\" href=\"".utf8
                out += escape(alternate.href).utf8
                out += "\"/>\n".utf8
            }
            out += "  </url>\n".utf8
        }
        out += "</urlset>\n".utf8
        return out
    }

    static func robots(urls: SiteURLs) -> String {
        "User-agent: *\nAllow: /\n\nSitemap: \(urls.absolute(urls.sitemap))\n"
    }

    private static func escape(_ s: String) -> String {
        MarkupEscaping.escape(s)
    }
}
