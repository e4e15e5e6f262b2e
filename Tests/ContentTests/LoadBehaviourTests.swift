import Content
import Diagnostics
import XCTest

/// How a whole load behaves: every problem in one run, sorted; BOM and CRLF; determinism.
final class LoadBehaviourTests: XCTestCase {
    func testEveryErrorInEveryFileIsReportedSorted() throws {
        var site = TestSite.valid
        site.edit("site.json", replacing: #""title""#, with: #""titel""#)
        site.edit(TestSite.backendRole, replacing: #""riskScore": 38"#, with: #""riskScore": 380"#)
        site.edit(TestSite.backendRole, replacing: #""to": 7"#, with: #""to": 1"#)
        site.edit(TestSite.backendFrench, replacing: #""crud-endpoints""#, with: #""deploy""#)
        site.edit("content/tools.json", replacing: #""name": "Cursor""#, with: #""name": "Cursor""name": 1"#)
        site.edit("locales/fr.json", replacing: #""title""#, with: #""subtitle""#)
        site.files["content/roles/frontend-developer/verdict.en.md"] = nil
        let result = try site.load()
        XCTAssertNil(result.site)
        XCTAssertEqual(result.diagnostics.map(\.description), [
            "content/roles/backend-developer/fr.json:3:14: error: text for task `deploy` that role `backend-developer` does not have",
            "content/roles/backend-developer/role.json:4:16: error: `riskScore` must be between 0 and 100, found 380",
            "content/roles/backend-developer/role.json:7:37: error: `impactYears.to` (1) is before `impactYears.from` (5)",
            "content/roles/frontend-developer/verdict.en.md:1:1: error: missing file `content/roles/frontend-developer/verdict.en.md` (the role's verdict in the default locale)",
            "content/tools.json:5:39: error: unexpected `\"`, expected `,` or `}`",
            "locales/fr.json:2:13: warning: string `hero.subtitle` is not in locales/en.json, so no page uses it — did you mean `hero.title`?",
            "site.json:3:3: error: unknown field `titel` — did you mean `title`?",
        ])
        XCTAssertEqual(result.diagnostics, result.diagnostics.sorted())
    }

    func testRenderedDiagnosticQuotesTheLine() throws {
        var site = TestSite.valid
        site.edit(TestSite.backendRole, replacing: #""riskScore": 38"#, with: #""riskScore": "high""#)
        let rendered = try site.load().diagnostics.map(\.rendered)
        XCTAssertEqual(rendered, [
            """
            content/roles/backend-developer/role.json:4:16: error: `riskScore` must be an integer, found a string
                  "riskScore": "high",
                               ^
            """,
        ])
    }

    func testByteOrderMarkAndCRLFAreAcceptedWithCorrectPositions() throws {
        var site = TestSite.valid
        for (path, text) in site.files {
            site.files[path] = "\u{FEFF}" + text.replacingOccurrences(of: "\n", with: "\r\n")
        }
        let clean = try site.load()
        XCTAssertEqual(clean.diagnostics, [])
        let role = try XCTUnwrap(clean.site?.role("backend-developer"))
        XCTAssertEqual(role.texts["en"]?.analysisMarkdown, "Backend development is *resilient*.\n", "BOM removed, CRLF normalised")
        XCTAssertEqual(clean.site?.strings["en"]?.entries["hero.title"]?.location.description, "locales/en.json:3:22")
        XCTAssertEqual(try TestSite.valid.load().site?.strings["en"]?.entries["hero.title"]?.location.description, "locales/en.json:3:22")

        site.edit(TestSite.backendRole, replacing: #""riskScore": 38"#, with: #""riskScore": 380"#)
        XCTAssertEqual(try site.diagnostics(), [
            "content/roles/backend-developer/role.json:4:16: error: `riskScore` must be between 0 and 100, found 380",
        ])
    }

    func testLoadingTwiceGivesEqualResults() throws {
        let root = try TestSite.valid.write()
        defer { try? FileManager.default.removeItem(at: root) }
        let first = ContentLoader.load(root: root)
        let second = ContentLoader.load(root: root)
        XCTAssertNotNil(first.site)
        XCTAssertEqual(first, second)
    }

    func testManyRolesLoadInSlugOrder() throws {
        var site = TestSite.valid
        let role = site.files["content/roles/frontend-developer/role.json"]!
            .replacingOccurrences(of: #"["backend-developer"]"#, with: "[]")
        let slugs = (0..<40).map { "role-\($0)" }
        for slug in slugs {
            for name in ["analysis.en.md", "verdict.en.md"] {
                site.files["content/roles/\(slug)/\(name)"] = site.files["content/roles/frontend-developer/\(name)"]
            }
            // Each its own title: two roles with one title would be a warning.
            site.files["content/roles/\(slug)/en.json"] = site.files["content/roles/frontend-developer/en.json"]!
                .replacingOccurrences(of: #""Frontend Developer""#, with: "\"Role \(slug)\"")
            site.files["content/roles/\(slug)/role.json"] = role
        }
        let result = try site.load()
        XCTAssertEqual(result.diagnostics, [])
        XCTAssertEqual(result.site?.roles.map(\.slug), (["backend-developer", "frontend-developer"] + slugs).sorted())
        XCTAssertEqual(result.site?.role("role-7")?.slug, "role-7")
        XCTAssertNil(result.site?.role("role-70"))
    }
}
