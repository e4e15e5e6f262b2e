import Foundation
import Site
import XCTest

/// End-to-end: a fixture site built into a temp folder, its files asserted.
final class SiteBuildTests: XCTestCase {
    private func twoRoles(site: String = Fixture.site(), backendExtra: [String: String] = [:]) throws -> FixtureSite {
        try FixtureSite(Fixture.files(site: site, roles: [
            Fixture.role("backend", title: "Backend Developer", plural: "Backend Developers", related: ["frontend"], risk: 38, extra: backendExtra),
            Fixture.role("frontend", title: "Frontend Developer", plural: "Frontend Developers", related: ["backend"], risk: 62),
        ]))
    }

    func testOutputTreeHasEveryPageAtCleanURLs() throws {
        let site = try twoRoles(backendExtra: ["article.en.md": "## Long read\n\nText.\n"])
        let report = site.build()
        XCTAssertTrue(report.succeeded, report.diagnostics.map(\.rendered).joined(separator: "\n"))
        let html = report.files.filter { $0.hasSuffix(".html") }
        XCTAssertEqual(html, [
            "404.html",
            "en/404.html",
            "en/index.html",
            "en/roles/backend/full-analysis/index.html",
            "en/roles/backend/index.html",
            "en/roles/frontend/index.html",
            "fr/404.html",
            "fr/index.html",
            "fr/metiers/backend/index.html",
            "fr/metiers/frontend/index.html",
            "index.html",
        ])
        XCTAssertTrue(report.files.contains("sitemap.xml"))
        XCTAssertTrue(report.files.contains("robots.txt"))
        let stylesheet = try XCTUnwrap(report.files.first { $0.hasPrefix("assets/style.") && $0.hasSuffix(".css") })
        XCTAssertEqual(stylesheet.count, "assets/style.".count + 16 + ".css".count, "content-hashed name")
        XCTAssertContains(try site.read("en/roles/backend/index.html"), "href=\"/\(stylesheet)\"")
        XCTAssertEqual(report.pagesPerLocale.map(\.count), [5, 4], "no French article page: the article is not translated")
        XCTAssertEqual(report.rootPages, 2)
    }

    /// An article is a page's whole text: a locale without its translation gets no article page
    /// (never an English page offered as French). Its role page links to the default locale's
    /// article, marked with that language; the article names only the locales that have it.
    func testUntranslatedArticleIsPublishedOnlyWhereItIsTranslated() throws {
        let site = try twoRoles(backendExtra: ["article.en.md": "Long read.\n"])
        let report = site.build()
        XCTAssertTrue(report.succeeded, report.diagnostics.map(\.rendered).joined(separator: "\n"))
        XCTAssertFalse(site.exists("fr/metiers/backend/full-analysis/index.html"))
        XCTAssertContains(try site.read("fr/metiers/backend/index.html"), #"<a href="/en/roles/backend/full-analysis/" hreflang="en">"#)
        let article = try site.read("en/roles/backend/full-analysis/index.html")
        XCTAssertNotContains(article, #"<link rel="alternate" hreflang="fr""#)
        XCTAssertContains(article, #"href="/fr/metiers/backend/""#)
        XCTAssertContains(article, #"<link rel="alternate" hreflang="en" href="https://fixture.example/en/roles/backend/full-analysis/">"#)
        XCTAssertNotContains(try site.read("sitemap.xml"), "fr/metiers/backend/full-analysis")

        try site.write("Lecture longue.\n", to: "content/roles/backend/article.fr.md")
        XCTAssertTrue(site.build().succeeded)
        XCTAssertTrue(site.exists("fr/metiers/backend/full-analysis/index.html"))
        XCTAssertContains(try site.read("fr/metiers/backend/index.html"), #"<a href="/fr/metiers/backend/full-analysis/">"#)
        XCTAssertContains(try site.read("en/roles/backend/full-analysis/index.html"), #"<link rel="alternate" hreflang="fr""#)
    }

    func testURLSegmentsAreTranslatedPerLocale() throws {
        let site = try twoRoles(
            site: Fixture.site(urlSegments: #"{ "fr": { "roles": "metiers", "article": "analyse-complete" }, "en": { "roles": "jobs" } }"#),
            backendExtra: ["article.en.md": "Long read.\n", "article.fr.md": "Lecture longue.\n"])
        let report = site.build()
        XCTAssertTrue(report.succeeded, report.diagnostics.map(\.rendered).joined(separator: "\n"))
        XCTAssertTrue(site.exists("en/jobs/backend/full-analysis/index.html"))
        XCTAssertTrue(site.exists("fr/metiers/backend/analyse-complete/index.html"))
        XCTAssertContains(try site.read("fr/metiers/backend/index.html"), "<a href=\"/fr/metiers/backend/analyse-complete/\">")
    }

    func testRolePageHeadHasLangCanonicalAlternatesOpenGraphAndJSONLD() throws {
        let site = try twoRoles()
        XCTAssertTrue(site.build().succeeded)
        let page = try site.read("fr/metiers/backend/index.html")
        XCTAssertContains(page, "<html lang=\"fr\">")
        XCTAssertContains(page, "<link rel=\"canonical\" href=\"https://fixture.example/fr/metiers/backend/\">")
        XCTAssertContains(page, "<link rel=\"alternate\" hreflang=\"en\" href=\"https://fixture.example/en/roles/backend/\">")
        XCTAssertContains(page, "<link rel=\"alternate\" hreflang=\"fr\" href=\"https://fixture.example/fr/metiers/backend/\">")
        XCTAssertContains(page, "<link rel=\"alternate\" hreflang=\"x-default\" href=\"https://fixture.example/en/roles/backend/\">")
        XCTAssertContains(page, "<meta property=\"og:locale\" content=\"fr_FR\">")
        XCTAssertContains(page, "<meta property=\"og:url\" content=\"https://fixture.example/fr/metiers/backend/\">")
        XCTAssertContains(page, "\"@type\":\"FAQPage\"")
        XCTAssertContains(page, "\"@type\":\"BreadcrumbList\"")
        XCTAssertContains(page, "<meta name=\"description\" content=\"About Backend Developers.\">")
    }

    func testFallbackRendersDefaultLocaleTextAndIsReported() throws {
        let site = try twoRoles(backendExtra: [
            "fr.json": #"{ "title": "Développeur backend", "tasks": { "crud": "Écrire des endpoints CRUD" } }"#,
        ])
        let report = site.build()
        XCTAssertTrue(report.succeeded)
        let page = try site.read("fr/metiers/backend/index.html")
        XCTAssertContains(page, "Développeur backend")            // translated field
        XCTAssertContains(page, "Écrire des endpoints CRUD")       // translated task
        XCTAssertContains(page, "Writing unit tests")              // task that fell back
        XCTAssertContains(page, "The verdict on Backend Developers.")  // prose that fell back
        XCTAssertContains(page, "Champ de Bataille des Tâches")    // French chrome
        let fields = report.fallbacks.filter { $0.role == "backend" && $0.locale == "fr" }.map(\.field)
        XCTAssertTrue(fields.contains("tasks.tests"), "\(fields)")
        XCTAssertTrue(fields.contains("verdict"), "\(fields)")
        XCTAssertFalse(fields.contains("title"))
        XCTAssertFalse(fields.contains("tasks.crud"))
    }

    func testStrictTurnsFallbacksIntoErrorsAndWritesNothing() throws {
        let site = try twoRoles()
        let report = site.build(strict: .allLocales)
        XCTAssertFalse(report.succeeded)
        XCTAssertFalse(FileManager.default.fileExists(atPath: site.output.path))
        XCTAssertTrue(report.diagnostics.errors.contains { $0.message.contains("--strict") })
    }

    func testSectionsCanBeReorderedAndSwitchedOff() throws {
        let site = try twoRoles(site: Fixture.site(sections: ["faq", "hero", "tasks"]))
        XCTAssertTrue(site.build().succeeded)
        let page = try site.read("en/roles/backend/index.html")
        let faq = try XCTUnwrap(page.range(of: "id=\"faq\""))
        let hero = try XCTUnwrap(page.range(of: "id=\"overview\""))
        let tasks = try XCTUnwrap(page.range(of: "id=\"tasks\""))
        XCTAssertTrue(faq.lowerBound < hero.lowerBound && hero.lowerBound < tasks.lowerBound)
        for id in ["skills", "analysis", "verdict", "roadmap", "quick-wins", "report", "related-roles", "benchmark", "salary"] {
            XCTAssertNotContains(page, "id=\"\(id)\"")
        }
        // The hero's call to action points at the report section, which is off: no dangling link.
        XCTAssertNotContains(page, "href=\"#report\"")
    }

    func testNoReportEndpointMeansNoForm() throws {
        let site = try twoRoles(site: Fixture.site(reportEndpoint: nil))
        XCTAssertTrue(site.build().succeeded)
        let page = try site.read("en/roles/backend/index.html")
        XCTAssertNotContains(page, "<form")
        XCTAssertNotContains(page, "href=\"#report\"")
        let withEndpoint = try twoRoles()
        XCTAssertTrue(withEndpoint.build().succeeded)
        XCTAssertContains(try withEndpoint.read("en/roles/backend/index.html"), "<form class=\"report-form\" method=\"post\" action=\"https://forms.example/report\">")
    }

    func testRelatedRolesLinkToTheSameLocaleWithTitleAndRisk() throws {
        let site = try twoRoles(backendExtra: [:])
        try site.write(#"{ "title": "Développeur frontend" }"#, to: "content/roles/frontend/fr.json")
        XCTAssertTrue(site.build().succeeded)
        let page = try site.read("fr/metiers/backend/index.html")
        XCTAssertContains(page, "<li><a href=\"/fr/metiers/frontend/\">Développeur frontend</a> <span class=\"risk risk-high\" title=\"Score de risque IA\">62</span></li>")
        let english = try site.read("en/roles/backend/index.html")
        XCTAssertContains(english, "<a href=\"/en/roles/frontend/\">Frontend Developer</a>")
    }

    func testSitemapListsEveryPageWithAllAlternates() throws {
        let site = try twoRoles()
        XCTAssertTrue(site.build().succeeded)
        let sitemap = try site.read("sitemap.xml")
        XCTAssertContains(sitemap, """
              <url>
                <loc>https://fixture.example/fr/metiers/backend/</loc>
                <lastmod>2026-10-01</lastmod>
                <xhtml:link rel="alternate" hreflang="en" href="https://fixture.example/en/roles/backend/"/>
                <xhtml:link rel="alternate" hreflang="fr" href="https://fixture.example/fr/metiers/backend/"/>
                <xhtml:link rel="alternate" hreflang="x-default" href="https://fixture.example/en/roles/backend/"/>
              </url>
            """)
        XCTAssertContains(sitemap, "<loc>https://fixture.example/</loc>")
        XCTAssertContains(sitemap, "<xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"https://fixture.example/\"/>")
        XCTAssertNotContains(sitemap, "404")
        XCTAssertEqual(sitemap.components(separatedBy: "<url>").count - 1, 7, "root, 2 indexes, 4 role pages")
        XCTAssertEqual(try site.read("robots.txt"), "User-agent: *\nAllow: /\n\nSitemap: https://fixture.example/sitemap.xml\n")
    }

    func testBaseURLOverrideAndSubpath() throws {
        let site = try twoRoles()
        let report = site.build(baseURL: "https://staging.example/preview/")
        XCTAssertTrue(report.succeeded)
        XCTAssertEqual(report.basePath, "/preview/", "the path the links are under, for the preview server")
        XCTAssertTrue(site.exists("en/roles/backend/index.html"))
        let page = try site.read("en/roles/backend/index.html")
        XCTAssertContains(page, "<link rel=\"canonical\" href=\"https://staging.example/preview/en/roles/backend/\">")
        XCTAssertContains(page, "href=\"/preview/en/roles/frontend/\"")
    }

    func testTheReportedBasePathIsTheBaseURLsPath() throws {
        XCTAssertEqual(try twoRoles().build().basePath, "/")
        let site = try twoRoles(site: Fixture.site().replacingOccurrences(of: "https://fixture.example/", with: "https://fixture.example/my%20docs"))
        XCTAssertEqual(site.build().basePath, "/my%20docs/")
    }

    func testHostileTextIsEscapedEverywhere() throws {
        let evil = #"<script>alert(1)</script> \"q\" 'a' &"#
        var files = Fixture.files(roles: [
            Fixture.role("backend", title: "Backend Developer", plural: "Backend Developers", related: ["frontend"]),
            Fixture.role("frontend", title: "Frontend Developer", plural: "Frontend Developers"),
        ])
        files["content/roles/backend/en.json"] = """
            { "title": "\(evil)", "titlePlural": "\(evil)s", "description": "\(evil)",
              "tasks": { "crud": "\(evil)", "tests": "\(evil)", "debugging": "\(evil)", "architecture": "\(evil)" },
              "skills": { "design": "\(evil)", "coding": "\(evil)" },
              "toolReasons": { "copilot": "\(evil)", "cursor": "\(evil)" },
              "roadmap": [ { "title": "\(evil)", "timeframe": "\(evil)", "summary": "\(evil)", "steps": ["\(evil)"] } ],
              "quickWins": ["\(evil)"],
              "faq": [ { "question": "\(evil)", "answer": "\(evil)" } ] }
            """
        files["content/roles/backend/analysis.en.md"] = "<script>alert(1)</script>\n\n</script><b>x</b>\n"
        files["content/roles/backend/verdict.en.md"] = "Ends here </script><script>alert(2)</script>\n"
        files["content/tools.json"] = """
            { "tools": [
              { "id": "copilot", "name": "\(evil)", "url": "https://copilot.example/?a=1&b=\\"x\\"", "description": { "en": "\(evil)" } },
              { "id": "cursor", "name": "Cursor", "url": "https://cursor.example/", "description": { "en": "\(evil)" } },
              { "id": "devin", "name": "Devin", "url": "https://devin.example/", "description": { "en": "x" } }
            ] }
            """
        files["content/sectors.json"] = #"{ "sectors": [ { "id": "technology", "name": { "en": "\#(evil)" } } ] }"#
        let site = try FixtureSite(files)
        let report = site.build()
        XCTAssertTrue(report.succeeded, report.diagnostics.map(\.rendered).joined(separator: "\n"))
        for path in ["en/roles/backend/index.html", "fr/metiers/backend/index.html", "en/roles/frontend/index.html", "en/index.html"] {
            let page = try site.read(path)
            // The only <script> elements are the JSON-LD blocks the layout writes.
            XCTAssertEqual(page.components(separatedBy: "<script").count - 1, page.components(separatedBy: "<script type=\"application/ld+json\">").count - 1, path)
            XCTAssertNotContains(page, "<script>alert")
            XCTAssertNotContains(page, "\"q\" 'a'")
            // Inside JSON-LD, `<` is \u003c: `</script>` cannot close the element early.
            for block in page.components(separatedBy: "<script type=\"application/ld+json\">").dropFirst() {
                let json = block.components(separatedBy: "</script>")[0]
                XCTAssertNotContains(json, "<")
                XCTAssertNoThrow(try JSONSerialization.jsonObject(with: Data(json.utf8)), path)
            }
        }
        let page = try site.read("en/roles/backend/index.html")
        XCTAssertContains(page, "&lt;script&gt;alert(1)&lt;/script&gt; &quot;q&quot; &#39;a&#39; &amp;")
        XCTAssertContains(page, "<!-- raw HTML omitted -->")
        XCTAssertContains(page, "href=\"https://copilot.example/?a=1&amp;b=&quot;x&quot;\"")
    }

    func testFailedBuildLeavesPreviousOutputUntouched() throws {
        let site = try twoRoles()
        XCTAssertTrue(site.build().succeeded)
        let before = try site.snapshot()
        XCTAssertFalse(before.isEmpty)
        try site.write(#"{ "sector": "technology", "riskScore": 140 }"#, to: "content/roles/backend/role.json")
        let report = site.build()
        XCTAssertFalse(report.succeeded)
        XCTAssertEqual(try site.snapshot(), before)
        let record = site.root.appendingPathComponent(".public.rolegen").path
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: record).filter { $0.hasPrefix("staging-") }
        XCTAssertEqual(leftovers, [], "no staging folder is left behind")
    }

    func testRemovedRoleDisappearsFromOutput() throws {
        let site = try twoRoles()
        XCTAssertTrue(site.build().succeeded)
        XCTAssertTrue(site.exists("en/roles/frontend/index.html"))
        try site.remove("content/roles/frontend")
        try site.write(Fixture.roleFacts(related: [], risk: 38), to: "content/roles/backend/role.json")
        XCTAssertTrue(site.build().succeeded)
        XCTAssertFalse(site.exists("en/roles/frontend/index.html"))
        XCTAssertFalse(site.exists("en/roles/frontend"))
    }

    func testTwoBuildsGiveIdenticalBytes() throws {
        let site = try twoRoles(backendExtra: ["article.en.md": "## More\n\n| a | b |\n|---|---|\n| 1 | 2 |\n"])
        XCTAssertTrue(site.build().succeeded)
        let first = try site.snapshot()
        XCTAssertTrue(site.build().succeeded)
        XCTAssertEqual(try site.snapshot(), first)
    }

    func testFaqStandardQuestionsFilledWithRoleData() throws {
        let site = try twoRoles()
        XCTAssertTrue(site.build().succeeded)
        let page = try site.read("en/roles/backend/index.html")
        XCTAssertContains(page, "<h3>Which Backend Developer tasks are most at risk from AI?</h3>\n    <p>Writing CRUD endpoints and Writing unit tests.</p>")
        XCTAssertContains(page, "within 5–7 years. This is based on current automation potential of 40% and the pace of AI tool adoption in the Technology sector.")
        XCTAssertContains(page, "<p>Install Copilot. Review a pull request with AI.</p>")
        let french = try site.read("fr/metiers/backend/index.html")
        XCTAssertContains(french, "40\u{00A0}%")
    }

    func testSkillsChartRunsFromMostAtRiskWithValuesAsText() throws {
        let site = try twoRoles()
        XCTAssertTrue(site.build().succeeded)
        let page = try site.read("en/roles/backend/index.html")
        // An HTML list named by the chart's caption: each item is a skill and its value as text.
        XCTAssertContains(page, "<span id=\"skills-chart-title\">Resilience of each Backend Developer skill to AI automation, out of 100</span>")
        XCTAssertContains(page, "<ul class=\"bars\" aria-labelledby=\"skills-chart-title\">")
        let coding = try XCTUnwrap(page.range(of: """
            <li class="bar bar-low">
                    <span class="bar-label">Boilerplate coding</span>
                    <span class="bar-value">20</span>
                    <span class="bar-track" aria-hidden="true"><span class="bar-fill" style="width: 20%"></span></span>
            """))
        let design = try XCTUnwrap(page.range(of: "<span class=\"bar-label\">System design</span>\n        <span class=\"bar-value\">80</span>"))
        XCTAssertTrue(coding.lowerBound < design.lowerBound, "resilience 20 comes before 80")
        XCTAssertNotContains(page, "<svg viewBox")  // no scaled SVG whose text shrinks on a phone
        let french = try site.read("fr/metiers/backend/index.html")
        XCTAssertContains(french, "<li class=\"bar bar-low\" lang=\"en\">")  // an untranslated skill name is marked English
    }

    func testTaskGroupsCountWithLocalePlurals() throws {
        let site = try twoRoles()
        XCTAssertTrue(site.build().succeeded)
        let english = try site.read("en/roles/backend/index.html")
        XCTAssertContains(english, "<h3>Automated <span class=\"count\">2 tasks</span></h3>")
        XCTAssertContains(english, "<h3>Safe <span class=\"count\">1 task</span></h3>")
        let french = try site.read("fr/metiers/backend/index.html")
        XCTAssertContains(french, "<h3>Sûres <span class=\"count\">1 tâche</span></h3>")
        XCTAssertContains(french, "<h3>Automatisées <span class=\"count\">2 tâches</span></h3>")
    }
}
