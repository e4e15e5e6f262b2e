/// `sitemap.xml` with hreflang alternates (every locale, itself included, and `x-default`) and
/// `robots.txt` pointing at it.
///
/// A sitemap file may list at most 50,000 URLs and weigh at most 50 MB (sitemaps.org, which
/// the search engines follow; they ignore a file over either). A site past either limit gets
/// `sitemap-1.xml`, `sitemap-2.xml`… each within both, and `sitemap.xml` becomes their sitemap
/// index, so robots.txt and whatever a site owner registered still point at the right file.
/// (A site of 20,000 roles in two locales already has 50,000 pages; with thirty locales, each
/// URL's alternates make the bytes bind first.)
enum Sitemap {
    struct Entry {
        var path: String
        var alternates: [(hreflang: String, href: String)]
        var lastModified: String?
    }

    /// How much one sitemap file may hold.
    struct Limits: Sendable, Equatable {
        var urls: Int
        var bytes: Int

        /// sitemaps.org's: 50,000 URLs, 50 MiB (52,428,800 bytes) uncompressed.
        static let sitemaps = Limits(urls: 50_000, bytes: 52_428_800)
    }

    static let fileName = "sitemap.xml"

    /// Whether `path` is one of the files `files` makes.
    static func isSitemap(_ path: String) -> Bool {
        path == fileName || (path.hasPrefix("sitemap-") && path.hasSuffix(".xml"))
    }

    /// The sitemap's files: `sitemap.xml` alone when `entries` fit in one file, else the
    /// numbered files and `sitemap.xml` as their index. Which it is, and where each file
    /// starts, is decided here, before any page renders (the build lists its files first); the
    /// bytes are made by the files' jobs.
    static func files(_ entries: [Entry], urls: SiteURLs, limits: Limits = .sitemaps) -> [OtherFile] {
        let chunks = chunks(of: entries, urls: urls, limits: limits)
        guard chunks.count > 1 else { return [OtherFile(path: fileName) { xml(entries[...], urls: urls) }] }
        let names = chunks.indices.map { "sitemap-\($0 + 1).xml" }
        // The index names each file with the newest review date of its pages.
        let lastModified = chunks.map { chunk in entries[chunk].compactMap(\.lastModified).max() }
        return [OtherFile(path: fileName) { index(zip(names, lastModified).map { ($0, $1) }, urls: urls) }]
            + zip(names, chunks).map { name, chunk in OtherFile(path: name) { xml(entries[chunk], urls: urls) } }
    }

    /// The ranges of `entries` each file lists: one range when everything fits. A site well
    /// within both limits is told by counting bytes (no entry is written twice); only one near
    /// or past them has each entry measured, on every core.
    static func chunks(of entries: [Entry], urls: SiteURLs, limits: Limits) -> [Range<Int>] {
        let frame = header.count + footer.count
        let unescaped = entries.reduce(frame) { $0 + unescapedBytes($1, urls: urls) }
        // Escaping (`&amp;`…) would have to double every URL to pass the limit: a site's URLs
        // are made of checked slugs and its base URL.
        if entries.count <= limits.urls, 2 * unescaped <= limits.bytes { return [0..<entries.count] }
        let sizes = Array(entries.indices).concurrentMap { entryBytes(entries[$0], urls: urls) }
        var chunks: [Range<Int>] = []
        var start = 0
        var bytes = frame
        for index in entries.indices {
            if index > start, index - start == limits.urls || bytes + sizes[index] > limits.bytes {
                chunks.append(start..<index)
                start = index
                bytes = frame
            }
            bytes += sizes[index]
        }
        chunks.append(start..<entries.count)
        return chunks
    }

    private static let header = Array("""
        <?xml version="1.0" encoding="UTF-8"?>
        <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">

        """.utf8)
    private static let footer = Array("</urlset>\n".utf8)

    /// Built as bytes with room reserved for every entry: for a large site it is the largest
    /// file of the build, made while the pages render.
    static func xml(_ entries: ArraySlice<Entry>, urls: SiteURLs) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(300 + entries.count * (200 + (entries.first?.alternates.count ?? 0) * 120))
        out += header
        for entry in entries { append(entry, to: &out, urls: urls) }
        out += footer
        return out
    }

    /// The sitemap index: each file's absolute URL, and its newest review date when it has one.
    static func index(_ files: [(name: String, lastModified: String?)], urls: SiteURLs) -> [UInt8] {
        var out = Array("""
            <?xml version="1.0" encoding="UTF-8"?>
            <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">

            """.utf8)
        for file in files {
            out += "  <sitemap>\n    <loc>".utf8
            out += escape(urls.absolute(urls.basePath + file.name)).utf8
            out += "</loc>\n".utf8
            if let lastModified = file.lastModified {
                out += "    <lastmod>".utf8
                out += lastModified.utf8
                out += "</lastmod>\n".utf8
            }
            out += "  </sitemap>\n".utf8
        }
        out += "</sitemapindex>\n".utf8
        return out
    }

    /// The bytes `append` writes for `entry`.
    private static func entryBytes(_ entry: Entry, urls: SiteURLs) -> Int {
        var out: [UInt8] = []
        append(entry, to: &out, urls: urls)
        return out.count
    }

    /// `entryBytes` as if nothing needed escaping: counted, not written.
    private static func unescapedBytes(_ entry: Entry, urls: SiteURLs) -> Int {
        var count = urlStart.count + urls.origin.utf8.count + entry.path.utf8.count + locEnd.count + urlEnd.count
        if let lastModified = entry.lastModified { count += lastModifiedStart.count + lastModified.utf8.count + lastModifiedEnd.count }
        for alternate in entry.alternates {
            count += alternateStart.count + alternate.hreflang.utf8.count + alternateMiddle.count + alternate.href.utf8.count + alternateEnd.count
        }
        return count
    }

    private static let urlStart = Array("  <url>\n    <loc>".utf8)
    private static let locEnd = Array("</loc>\n".utf8)
    private static let lastModifiedStart = Array("    <lastmod>".utf8)
    private static let lastModifiedEnd = Array("</lastmod>\n".utf8)
    private static let alternateStart = Array("    <xhtml:link rel=\"alternate\" hreflang=\"".utf8)
    private static let alternateMiddle = Array("\" href=\"".utf8)
    private static let alternateEnd = Array("\"/>\n".utf8)
    private static let urlEnd = Array("  </url>\n".utf8)

    private static func append(_ entry: Entry, to out: inout [UInt8], urls: SiteURLs) {
        out += urlStart
        out += escape(urls.absolute(entry.path)).utf8
        out += locEnd
        if let lastModified = entry.lastModified {
            out += lastModifiedStart
            out += lastModified.utf8
            out += lastModifiedEnd
        }
        for alternate in entry.alternates {
            out += alternateStart
            out += escape(alternate.hreflang).utf8
            out += alternateMiddle
            out += escape(alternate.href).utf8
            out += alternateEnd
        }
        out += urlEnd
    }

    static func robots(urls: SiteURLs) -> String {
        "User-agent: *\nAllow: /\n\nSitemap: \(urls.absolute(urls.sitemap))\n"
    }

    private static func escape(_ s: String) -> String {
        MarkupEscaping.escape(s)
    }
}
