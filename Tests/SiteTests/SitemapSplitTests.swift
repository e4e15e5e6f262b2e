import Foundation
import XCTest

@testable import Site

/// A sitemap file may list 50,000 URLs and weigh 50 MB at most (sitemaps.org): past either,
/// the build writes `sitemap-1.xml`, `sitemap-2.xml`… within both, and `sitemap.xml` becomes
/// their index. The limits are lowered here to split a fixture site.
final class SitemapSplitTests: XCTestCase {
    private func site() throws -> FixtureSite {
        try FixtureSite(Fixture.files(roles: [
            Fixture.role("backend", title: "Backend Developer", plural: "Backend Developers", related: ["frontend"], extra: [
                "article.en.md": "## Long read\n\nText.\n",
            ]),
            Fixture.role("frontend", title: "Frontend Developer", plural: "Frontend Developers", related: ["backend"]),
        ]))
    }

    private func build(_ site: FixtureSite, limits: Sitemap.Limits = .sitemaps, clean: Bool = true) -> BuildReport {
        var options = BuildOptions(root: site.root, clean: clean)
        options.sitemapLimits = limits
        let report = SiteBuilder.build(options)
        XCTAssertTrue(report.succeeded, report.diagnostics.map(\.rendered).joined(separator: "\n"))
        return report
    }

    /// What the element `name` holds, each time it occurs, in order.
    private func elements(_ name: String, in xml: String) -> [String] {
        xml.components(separatedBy: "<\(name)>").dropFirst().map { String($0.prefix { $0 != "<" }) }
    }

    private func sitemapFiles(_ site: FixtureSite) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: site.output.path).filter(Sitemap.isSitemap).sorted()
    }

    func testPastTheURLLimitTheSitemapIsSplitAndIndexed() throws {
        let site = try site()
        build(site)
        let whole = try site.read("sitemap.xml")
        XCTAssertTrue(whole.contains("<urlset"))
        let every = elements("loc", in: whole)
        XCTAssertEqual(every, [
            "https://fixture.example/", "https://fixture.example/en/", "https://fixture.example/fr/",
            "https://fixture.example/en/roles/backend/", "https://fixture.example/en/roles/backend/full-analysis/",
            "https://fixture.example/fr/metiers/backend/", "https://fixture.example/en/roles/frontend/",
            "https://fixture.example/fr/metiers/frontend/",
        ], "no 404 page; the article in English only")
        XCTAssertEqual(try sitemapFiles(site), ["sitemap.xml"])

        build(site, limits: Sitemap.Limits(urls: 3, bytes: Sitemap.Limits.sitemaps.bytes))
        XCTAssertEqual(try sitemapFiles(site), ["sitemap-1.xml", "sitemap-2.xml", "sitemap-3.xml", "sitemap.xml"])
        let index = try site.read("sitemap.xml")
        XCTAssertTrue(index.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"), index)
        XCTAssertEqual(elements("loc", in: index), (1...3).map { "https://fixture.example/sitemap-\($0).xml" })
        XCTAssertEqual(elements("lastmod", in: index).count, 2, "each file with its pages' newest review date: none for the root and indexes")
        let parts = try (1...3).map { try site.read("sitemap-\($0).xml") }
        XCTAssertEqual(parts.map { elements("loc", in: $0).count }, [3, 3, 2])
        XCTAssertEqual(parts.flatMap { elements("loc", in: $0) }, every, "the same URLs, in the same order")
        for part in parts {
            XCTAssertTrue(part.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset "))
            XCTAssertTrue(part.hasSuffix("</urlset>\n"))
        }
        XCTAssertTrue(try site.read("robots.txt").contains("Sitemap: https://fixture.example/sitemap.xml"))
    }

    func testPastTheByteLimitEveryFileStaysWithinIt() throws {
        let site = try site()
        build(site)
        let every = elements("loc", in: try site.read("sitemap.xml"))
        let limit = 1_600
        build(site, limits: Sitemap.Limits(urls: 50_000, bytes: limit))
        let names = try sitemapFiles(site).filter { $0 != "sitemap.xml" }
        XCTAssertGreaterThan(names.count, 2)
        var locs: [String] = []
        for name in names.sorted(by: { $0.count == $1.count ? $0 < $1 : $0.count < $1.count }) {
            let bytes = try Data(contentsOf: site.output.appendingPathComponent(name))
            XCTAssertLessThanOrEqual(bytes.count, limit, name)
            locs += elements("loc", in: String(decoding: bytes, as: UTF8.self))
        }
        XCTAssertEqual(locs, every)
    }

    /// A later build with fewer URLs leaves no numbered file of the earlier split behind,
    /// clean or incremental.
    func testNoNumberedFileOutlivesTheSplit() throws {
        let designer = Fixture.role("designer", title: "Designer", plural: "Designers")
        let site = try site()
        let limits = Sitemap.Limits(urls: 3, bytes: Sitemap.Limits.sitemaps.bytes)
        for clean in [true, false] {
            for (path, text) in designer { try site.write(text, to: path) }
            build(site, limits: limits, clean: clean)
            XCTAssertEqual(try sitemapFiles(site), ["sitemap-1.xml", "sitemap-2.xml", "sitemap-3.xml", "sitemap-4.xml", "sitemap.xml"])
            try site.remove("content/roles/designer")
            build(site, limits: limits, clean: clean)
            XCTAssertEqual(try sitemapFiles(site), ["sitemap-1.xml", "sitemap-2.xml", "sitemap-3.xml", "sitemap.xml"], clean ? "clean" : "incremental")
            XCTAssertEqual(elements("loc", in: try site.read("sitemap.xml")).count, 3)
        }
    }
}
