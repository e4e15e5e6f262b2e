import Site
import XCTest

/// Links and raw HTML in roles' Markdown: `role:` links resolved per locale, and every mistake
/// reported at its line and column in the Markdown file.
final class MarkdownLinkTests: XCTestCase {
    private func site(analysis: String, french: Bool = false) throws -> FixtureSite {
        var extra = ["analysis.en.md": analysis]
        if french { extra["analysis.fr.md"] = "Analyse.\n" }
        return try FixtureSite(Fixture.files(roles: [
            Fixture.role("backend", title: "Backend Developer", plural: "Backend Developers", related: ["frontend"], extra: extra),
            Fixture.role("frontend", title: "Frontend Developer", plural: "Frontend Developers"),
        ]))
    }

    func testRoleLinksResolveToThePageInTheSameLocale() throws {
        let site = try site(analysis: "Compare [frontend](role:frontend) and its [FAQ](role:frontend#faq).\n")
        let report = site.build()
        XCTAssertTrue(report.succeeded, report.diagnostics.map(\.rendered).joined(separator: "\n"))
        XCTAssertContains(try site.read("en/roles/backend/index.html"), #"<a href="/en/roles/frontend/">frontend</a>"#)
        XCTAssertContains(try site.read("en/roles/backend/index.html"), #"<a href="/en/roles/frontend/#faq">FAQ</a>"#)
        // The English analysis falls back into the French page: its links stay in French.
        XCTAssertContains(try site.read("fr/metiers/backend/index.html"), #"<a href="/fr/metiers/frontend/">frontend</a>"#)
    }

    func testMistakesAreReportedAtTheirPosition() throws {
        let site = try site(analysis: """
            Intro.

            See [x](role:fronted), [y](htps://example.org), [z](https:///nohost) and <b>bold</b>.

            """)
        let report = site.build()
        XCTAssertEqual(report.diagnostics.map(\.description), [
            "content/roles/backend/analysis.en.md:3:5: error: link to role `fronted`, which does not exist — did you mean `frontend`?",
            "content/roles/backend/analysis.en.md:3:24: warning: link `htps://example.org` has the unknown scheme `htps:` — did you mean `https`?",
            "content/roles/backend/analysis.en.md:3:49: warning: link `https:///nohost` has no host after `//`",
            "content/roles/backend/analysis.en.md:3:74: warning: raw HTML is left out of the page (`allowRawHTML` is false in site.json): write it in Markdown, or allow raw HTML",
        ])
        XCTAssertEqual(report.diagnostics.first?.code, "RG421")
        XCTAssertFalse(site.exists("index.html"), "an error writes nothing")
    }

    /// CommonMark ends a line at a lone carriage return too (old Mac files), and cmark-gfm
    /// numbers lines so: a mistake is reported on the line an editor shows it on.
    func testMistakesInAFileWithCarriageReturnLineEndsAreReportedOnTheirLine() throws {
        let site = try site(analysis: "Intro.\r\rSee [x](role:fronted).\r")
        let report = site.build()
        XCTAssertEqual(report.diagnostics.map(\.description), [
            "content/roles/backend/analysis.en.md:3:5: error: link to role `fronted`, which does not exist — did you mean `frontend`?"
        ])
    }

    func testSitePathsAndAnchorsAreCheckedAgainstTheBuiltTree() throws {
        let analysis = "[a](../frontend/) [b](/en/roles/frontend/#faq) [c](../no-such-role/) [d](#nope) [e](/en/roles/frontend/#nope) [f](#faq)\n"
        let site = try site(analysis: analysis, french: true)
        let report = site.build()
        XCTAssertEqual(report.diagnostics.errors.map(\.description), [
            "content/roles/backend/analysis.en.md:1:48: error: link `../no-such-role/` leads to no page of the site",
            "content/roles/backend/analysis.en.md:1:70: error: link `#nope`: the page has no element with id `nope`",
            "content/roles/backend/analysis.en.md:1:81: error: link `/en/roles/frontend/#nope`: the page has no element with id `nope`",
        ])
        XCTAssertEqual(report.diagnostics.errors.map(\.code), ["RG423", "RG424", "RG424"])
    }

    func testRawHTMLIsNoWarningWhenTheSiteAllowsIt() throws {
        var files = Fixture.files(roles: [
            Fixture.role("backend", title: "Backend Developer", plural: "Backend Developers", extra: ["analysis.en.md": "Some <b>bold</b>.\n"]),
        ])
        files["site.json"] = files["site.json"]!.replacingOccurrences(of: #""defaultLocale""#, with: #""allowRawHTML": true, "defaultLocale""#)
        let report = try FixtureSite(files).build()
        XCTAssertEqual(report.diagnostics.map(\.description), [])
    }
}
