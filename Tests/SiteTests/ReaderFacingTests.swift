import Diagnostics
import Foundation
import Site
import TestSupport
import XCTest

/// What readers, sharing previews and search engines get: prose that reads right, accessible
/// Markdown, link-preview images, distinct descriptions, breadcrumbs and not-found pages.
final class ReaderFacingTests: XCTestCase {
    private static let image = #"{ "asset": "og-image.png", "width": 1200, "height": 630, "alt": { "en": "A bar chart", "fr": "Un graphique : des barres" } }"#

    private func site(
        siteFields: String = "", facts: String? = nil, english: String? = nil, french: String? = nil, extra: [String: String] = [:]
    ) throws -> FixtureSite {
        var siteJSON = Fixture.site()
        if !siteFields.isEmpty {
            siteJSON = String(siteJSON.dropLast(3)) + ",\n  " + siteFields + "\n}\n"
        }
        var backend = Fixture.role("backend", title: "Backend Developer", plural: "Backend Developers", related: ["frontend"], extra: extra)
        if let facts { backend["content/roles/backend/role.json"] = facts }
        if let english { backend["content/roles/backend/en.json"] = english }
        if let french { backend["content/roles/backend/fr.json"] = french }
        return try FixtureSite(Fixture.files(site: siteJSON, roles: [
            backend,
            Fixture.role("frontend", title: "Frontend Developer", plural: "Frontend Developers", related: ["backend"]),
        ]))
    }

    private func built(_ site: FixtureSite, file: StaticString = #filePath, line: UInt = #line) -> BuildReport {
        let report = site.build()
        XCTAssertTrue(report.succeeded, report.diagnostics.map(\.rendered).joined(separator: "\n"), file: file, line: line)
        return report
    }

    /// Four automated tasks: three are shown, so "among others" is true; the list uses each
    /// locale's list format.
    func testAtRiskAnswerUsesTheListFormatAndSaysAmongOthersOnlyWhenThereAreMore() throws {
        let facts = Fixture.roleFacts(related: ["frontend"]).replacingOccurrences(
            of: #"{ "id": "debugging", "exposure": "oversight" }"#,
            with: #"{ "id": "debugging", "exposure": "automated" }, { "id": "docs", "exposure": "automated" }"#)
        let english = Fixture.roleText(title: "Backend Developer", plural: "Backend Developers")
            .replacingOccurrences(of: #""debugging": "Debugging","#, with: #""debugging": "Debugging", "docs": "Docs","#)
        let french = #"{ "tasks": { "crud": "Écrire des endpoints", "tests": "Écrire des tests", "debugging": "Déboguer" } }"#
        let site = try self.site(facts: facts, english: english, french: french)
        _ = built(site)
        XCTAssertContains(try site.read("en/roles/backend/index.html"),
                          "<p>Writing CRUD endpoints, Writing unit tests, and Debugging, among others.</p>")
        XCTAssertContains(try site.read("fr/metiers/backend/index.html"),
                          "<p>Écrire des endpoints, Écrire des tests et Déboguer, entre autres.</p>")
        // The other role has two automated tasks, both shown: nothing more to hint at.
        XCTAssertContains(try site.read("en/roles/frontend/index.html"), "<p>Writing CRUD endpoints and Writing unit tests.</p>")
    }

    func testQuickWinsInTheFAQAreSentences() throws {
        let english = Fixture.roleText(title: "Backend Developer", plural: "Backend Developers")
            .replacingOccurrences(of: #"["Install Copilot.", "Review a pull request with AI."]"#,
                                  with: #"["Install Copilot for your next endpoint", "Use ChatGPT to explain a query", "Third"]"#)
        let site = try self.site(english: english)
        _ = built(site)
        XCTAssertContains(try site.read("en/roles/backend/index.html"),
                          "<p>Install Copilot for your next endpoint. Use ChatGPT to explain a query.</p>")
    }

    /// "40 %" typed by a translator gets the no-break space, in plain text and in Markdown;
    /// the English fallback keeps what it says.
    func testFrenchSpacingOfPercentInContent() throws {
        let french = #"{ "description": "Un potentiel de 40 % d'automatisation.", "skills": { "design": "Conception (100 %)" } }"#
        let site = try self.site(french: french, extra: ["analysis.fr.md": "Environ 35 % des tâches.\n"])
        _ = built(site)
        let page = try site.read("fr/metiers/backend/index.html")
        XCTAssertContains(page, "<p class=\"lede\">Un potentiel de 40\u{00A0}% d&#39;automatisation.</p>")
        XCTAssertContains(page, "Conception (100\u{00A0}%)")
        XCTAssertContains(page, "<p>Environ 35\u{00A0}% des tâches.</p>")
    }

    /// The same spacing in UI strings; an English string shown on a French page keeps its own
    /// (English) spacing.
    func testFrenchSpacingOfPercentInStringTablesButNotInEnglishFallback() throws {
        let site = try self.site()
        let english = try String(contentsOf: site.root.appendingPathComponent("locales/en.json"), encoding: .utf8)
        try site.write(english.replacingOccurrences(of: #""outOf100": "out of 100""#, with: #""outOf100": "out of 100 %""#), to: "locales/en.json")
        let french = try String(contentsOf: site.root.appendingPathComponent("locales/fr.json"), encoding: .utf8)
        try site.write(french
            .replacingOccurrences(of: #"    "outOf100": "sur 100",\#n"#, with: "")
            .replacingOccurrences(of: #""lastReviewed": "Dernière révision : {date}""#,
                                  with: #""lastReviewed": "Revu à 100 % le {date}""#), to: "locales/fr.json")
        _ = built(site)
        let page = try site.read("fr/metiers/backend/index.html")
        XCTAssertContains(page, "Revu à 100\u{00A0}% le 1er octobre 2026")
        XCTAssertContains(page, "<span class=\"figure-unit\"><span lang=\"en\">out of 100 %</span></span>")
    }

    func testArticleTablesScrollInALabelledRegionAndTaskCheckboxesHaveNames() throws {
        let article = "| a | b |\n| - | - |\n| 1 | 2 |\n\n- [x] Done item\n- [ ] Open *item*\n"
        let site = try self.site(extra: ["article.en.md": article, "article.fr.md": article])
        _ = built(site)
        let page = try site.read("en/roles/backend/full-analysis/index.html")
        XCTAssertContains(page, "<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"Table, scrolls sideways\"><table>")
        XCTAssertContains(page, "</table></div>")
        XCTAssertContains(page, "<li><label><input type=\"checkbox\" checked=\"\" disabled=\"\" /> Done item</label></li>")
        XCTAssertContains(page, "<li><label><input type=\"checkbox\" disabled=\"\" /> Open <em>item</em></label></li>")
        XCTAssertContains(try site.read("fr/metiers/backend/full-analysis/index.html"), "aria-label=\"Tableau, défile horizontalement\"")
    }

    func testSharingImageFromTheSiteWithSizeAndAltPerLocale() throws {
        let site = try self.site(siteFields: #""image": \#(Self.image)"#)
        try site.write("fake png", to: "templates/assets/og-image.png")
        let report = built(site)
        let published = try XCTUnwrap(report.files.first { $0.hasPrefix("assets/og-image.") && $0.hasSuffix(".png") })
        let english = try site.read("en/index.html")
        XCTAssertContains(english, "<meta property=\"og:image\" content=\"https://fixture.example/\(published)\">")
        XCTAssertContains(english, "<meta property=\"og:image:width\" content=\"1200\">\n<meta property=\"og:image:height\" content=\"630\">")
        XCTAssertContains(english, "<meta property=\"og:image:alt\" content=\"A bar chart\">")
        XCTAssertContains(try site.read("fr/metiers/backend/index.html"), "<meta property=\"og:image:alt\" content=\"Un graphique\u{00A0}: des barres\">")
        XCTAssertContains(english, "<link rel=\"icon\" href=\"/assets/favicon.")
    }

    func testARoleReplacesTheSiteImage() throws {
        let facts = Fixture.roleFacts(related: ["frontend"]).replacingOccurrences(
            of: #""lastReviewed""#, with: #""image": { "asset": "backend.png", "width": 800, "height": 400, "alt": { "en": "Servers" } }, "lastReviewed""#)
        let site = try self.site(siteFields: #""image": \#(Self.image)"#, facts: facts, extra: ["article.en.md": "Long read.\n"])
        try site.write("site png", to: "templates/assets/og-image.png")
        try site.write("role png", to: "templates/assets/backend.png")
        _ = built(site)
        for path in ["en/roles/backend/index.html", "en/roles/backend/full-analysis/index.html", "fr/metiers/backend/index.html"] {
            let page = try site.read(path)
            XCTAssertContains(page, "content=\"https://fixture.example/assets/backend.")
            XCTAssertContains(page, "<meta property=\"og:image:alt\" content=\"Servers\">")
        }
        XCTAssertContains(try site.read("en/roles/frontend/index.html"), "content=\"https://fixture.example/assets/og-image.")
    }

    func testAnImageAssetThatDoesNotExistIsAnErrorAtItsPosition() throws {
        let site = try self.site(siteFields: #""image": \#(Self.image.replacingOccurrences(of: "og-image", with: "missing"))"#)
        let report = site.build()
        XCTAssertFalse(report.succeeded)
        XCTAssertEqual(report.diagnostics.map(\.description), [
            "site.json:8:23: error: `image.asset` names `missing.png`, but templates/assets/ has no such file",
        ])
    }

    func testADescriptionLongerThan160CharactersIsAWarningAtTheField() throws {
        let long = String(repeating: "word ", count: 33) + "end."
        let english = Fixture.roleText(title: "Backend Developer", plural: "Backend Developers")
            .replacingOccurrences(of: #""description": "About Backend Developers.""#, with: #""description": "\#(long)""#)
        let site = try self.site(english: english)
        let report = built(site)
        XCTAssertEqual(report.diagnostics.filter { $0.severity == .warning }.map(\.description), [
            "content/roles/backend/en.json:1:85: warning: `description` is 169 characters long; search results show about 160, so keep it to 160 or fewer",
        ])
    }

    /// "5-7" typed in content would sit next to the hero's "5–7": a warning names the locale's
    /// way of writing it. Dates and words with digits are not ranges.
    func testARangeWrittenWithAHyphenIsAWarningNamingTheLocaleFormat() throws {
        let english = Fixture.roleText(title: "Backend Developer", plural: "Backend Developers")
            .replacingOccurrences(of: #""About Backend Developers.""#, with: #""Impact within 5-7 years.""#)
            .replacingOccurrences(of: #""Learn the tools""#, with: #""Read the 2026-10-01 COVID-19 report""#)
        let french = #"{ "roadmap": [ { "title": "Phase", "timeframe": "1-3 ans", "steps": ["Apprendre"] } ] }"#
        let site = try self.site(english: english, french: french)
        let report = built(site)
        XCTAssertEqual(report.diagnostics.filter { $0.severity == .warning }.map(\.description), [
            "content/roles/backend/en.json:1:85: warning: range `5-7` is written with a hyphen; pages write ranges as `5–7` — write it that way",
            "content/roles/backend/fr.json:1:49: warning: range `1-3` is written with a hyphen; pages write ranges as `1\u{00A0}à\u{00A0}3` — write it that way",
        ])
    }

    func testEveryPageHasItsOwnDescription() throws {
        let site = try self.site(extra: ["article.en.md": "Long read.\n"])
        _ = built(site)
        func description(_ path: String) throws -> String {
            let page = try site.read(path)
            let start = try XCTUnwrap(page.range(of: "<meta name=\"description\" content=\""))
            return String(page[start.upperBound...].prefix { $0 != "\"" })
        }
        let paths = ["index.html", "en/index.html", "fr/index.html", "en/roles/backend/index.html",
                     "en/roles/backend/full-analysis/index.html", "en/roles/frontend/index.html"]
        let descriptions = try paths.map(description)
        XCTAssertEqual(Set(descriptions).count, paths.count, "\(descriptions)")
        XCTAssertEqual(descriptions[0], "How AI changes 2 roles: risk scores, tasks, skills and a career roadmap for each, in English and Français.")
    }

    func testBreadcrumbJSONLDOnlyWhereABreadcrumbIsShown() throws {
        let site = try self.site(extra: ["article.en.md": "Long read.\n"])
        _ = built(site)
        for path in ["en/index.html", "fr/index.html", "index.html", "404.html", "en/404.html"] {
            let page = try site.read(path)
            XCTAssertNotContains(page, "BreadcrumbList")
            XCTAssertNotContains(page, "class=\"breadcrumbs\"")
        }
        for path in ["en/roles/backend/index.html", "en/roles/backend/full-analysis/index.html"] {
            let page = try site.read(path)
            XCTAssertContains(page, "\"@type\":\"BreadcrumbList\"")
            XCTAssertContains(page, "<nav class=\"breadcrumbs\"")
        }
    }

    func testEachLocaleHasItsNotFoundPage() throws {
        let site = try self.site()
        _ = built(site)
        let french = try site.read("fr/404.html")
        XCTAssertContains(french, "<html lang=\"fr\">")
        XCTAssertContains(french, "<h1>Page introuvable</h1>")
        XCTAssertContains(french, "<meta name=\"robots\" content=\"noindex\">")
        XCTAssertContains(french, "<a href=\"/fr/\">Voir la liste des métiers</a>")
        XCTAssertContains(try site.read("404.html"), "<html lang=\"en\">")
        XCTAssertContains(try site.read("en/404.html"), "<h1>Page not found</h1>")
        XCTAssertNotContains(try site.read("sitemap.xml"), "404")
    }

    /// Real role pages (the i18n fixture's): the lede does not repeat the H1, and ranges are
    /// written in the locale's range format only.
    func testRolePageProseReadsRight() throws {
        let root = try FixtureSites.copy("i18n", testCase: self)
        let output = root.appendingPathComponent("public")
        let report = SiteBuilder.build(BuildOptions(root: root, output: output))
        XCTAssertTrue(report.succeeded)
        let rolePages = report.files.filter { $0.hasSuffix("/index.html") && ($0.contains("/roles/") || $0.contains("/metiers/")) && !$0.contains("analys") }
        XCTAssertEqual(rolePages.count, 6, "three roles, each in English and French")
        for path in rolePages {
            let page = try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
            guard let h1Start = page.range(of: "<h1>"), let h1End = page.range(of: "</h1>", range: h1Start.upperBound..<page.endIndex),
                  let lede = page.range(of: "<p class=\"lede\"")
            else { return XCTFail("\(path): no <h1> or lede") }
            let heading = String(page[h1Start.upperBound..<h1End.lowerBound])
            let ledeText = page[lede.upperBound...].drop { $0 != ">" }.dropFirst().prefix { $0 != "<" }
            XCTAssertFalse(ledeText.hasPrefix(heading), "\(path): the lede repeats the H1 \(heading)")
            XCTAssertNil(page.range(of: #"\b\d+-\d+ (years|ans)"#, options: .regularExpression), "\(path): a range written with a hyphen")
        }
    }
}
