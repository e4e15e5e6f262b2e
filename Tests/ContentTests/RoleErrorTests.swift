import Content
import XCTest

/// Mistakes in role folders (`role.json`, `<locale>.json`, Markdown files, the folder itself):
/// one test per kind, asserting the exact message and position.
final class RoleErrorTests: XCTestCase {
    private let role = TestSite.backendRole
    private let english = TestSite.backendEnglish
    private let french = TestSite.backendFrench

    // MARK: role.json

    func testMissingRequiredFieldIsReportedAtTheOpeningBrace() throws {
        XCTAssertEqual(try TestSite.diagnostics(editing: role, replacing: "  \"riskScore\": 38,\n", with: ""), [
            "content/roles/backend-developer/role.json:1:1: error: missing required field `riskScore`",
        ])
        XCTAssertEqual(try TestSite.diagnostics(editing: role, replacing: #"{ "from": 5, "to": 7 }"#, with: #"{ "from": 5 }"#), [
            "content/roles/backend-developer/role.json:7:18: error: missing required field `impactYears.to`",
        ])
    }

    func testUnknownNestedFieldSuggestsTheClosest() throws {
        XCTAssertEqual(try TestSite.diagnostics(editing: role, replacing: #""exposure": "safe""#, with: #""exposre": "safe""#), [
            "content/roles/backend-developer/role.json:13:30: error: unknown field `exposre` — did you mean `exposure`?",
        ])
    }

    func testWrongTypes() throws {
        XCTAssertEqual(try TestSite.diagnostics(editing: role, replacing: #""riskScore": 38"#, with: #""riskScore": "38""#), [
            "content/roles/backend-developer/role.json:4:16: error: `riskScore` must be an integer, found a string",
        ])
        XCTAssertEqual(try TestSite.diagnostics(editing: role, replacing: #""riskScore": 38"#, with: #""riskScore": 38.5"#), [
            "content/roles/backend-developer/role.json:4:16: error: `riskScore` must be an integer, found the non-integer number 38.5",
        ])
        XCTAssertEqual(try TestSite.diagnostics(editing: role, replacing: #""resilience": 85"#, with: #""resilience": null"#), [
            "content/roles/backend-developer/role.json:16:44: error: `skills[0].resilience` must be an integer, found `null`",
        ])
    }

    func testPercentagesMustBeBetween0And100() throws {
        XCTAssertEqual(try TestSite.diagnostics(editing: role, replacing: #""automationPotential": 40"#, with: #""automationPotential": 140"#), [
            "content/roles/backend-developer/role.json:5:26: error: `automationPotential` must be between 0 and 100, found 140",
        ])
        XCTAssertEqual(try TestSite.diagnostics(editing: role, replacing: #""salaryPremium": 18"#, with: #""salaryPremium": -1"#), [
            "content/roles/backend-developer/role.json:8:20: error: `salaryPremium` must be between 0 and 100, found -1",
        ])
    }

    func testTimelineThatEndsBeforeItStarts() throws {
        XCTAssertEqual(try TestSite.diagnostics(editing: role, replacing: #""to": 7"#, with: #""to": 3"#), [
            "content/roles/backend-developer/role.json:7:37: error: `impactYears.to` (3) is before `impactYears.from` (5)",
        ])
    }

    func testDatesMustBeRealAndWrittenYYYYMMDD() throws {
        XCTAssertEqual(try TestSite.diagnostics(editing: role, replacing: "2026-10-01", with: "2026-02-29"), [
            "content/roles/backend-developer/role.json:22:19: error: `lastReviewed` must be a real date written YYYY-MM-DD, found `2026-02-29`",
        ])
        XCTAssertEqual(try TestSite.diagnostics(editing: role, replacing: "2026-10-01", with: "1/10/2026"), [
            "content/roles/backend-developer/role.json:22:19: error: `lastReviewed` must be a real date written YYYY-MM-DD, found `1/10/2026`",
        ])
    }

    func testChoicesSuggestTheClosest() throws {
        XCTAssertEqual(try TestSite.diagnostics(editing: role, replacing: #""growing""#, with: #""growng""#), [
            "content/roles/backend-developer/role.json:9:18: error: `demandTrend` must be one of `growing`, `stable`, `declining`, found `growng` — did you mean `growing`?",
        ])
        XCTAssertEqual(try TestSite.diagnostics(editing: role, replacing: #""exposure": "safe""#, with: #""exposure": "human""#), [
            "content/roles/backend-developer/role.json:13:42: error: `tasks[2].exposure` must be one of `automated`, `oversight`, `safe`, found `human`",
        ])
    }

    func testDuplicateTaskID() throws {
        XCTAssertEqual(try TestSite.diagnostics(editing: role, replacing: #""id": "code-reviews""#, with: #""id": "crud-endpoints""#), [
            "content/roles/backend-developer/role.json:12:13: error: duplicate task id `crud-endpoints` (first defined on line 11)",
            // The English text still has a text for the task that is gone.
            "content/roles/backend-developer/en.json:7:5: error: text for task `code-reviews` that role `backend-developer` does not have",
        ].sorted())
    }

    func testUnsafeIDs() throws {
        XCTAssertEqual(try TestSite.diagnostics(editing: role, replacing: #"{ "id": "boilerplate", "resilience": 20 }"#, with: #"{ "id": "Boiler plate", "resilience": 20 }"#), [
            "content/roles/backend-developer/en.json:10:49: error: text for skill `boilerplate` that role `backend-developer` does not have",
            "content/roles/backend-developer/role.json:17:13: error: skill id `Boiler plate` is not a safe URL segment (use lowercase letters, digits and hyphens)",
        ])
    }

    func testReferencesToUnknownToolsSectorsAndRoles() throws {
        var site = TestSite.valid
        site.edit(role, replacing: #"["github-copilot", "cursor"]"#, with: #"["github-copilt", "cursor", "cursor"]"#)
        site.edit(role, replacing: #""sector": "technology""#, with: #""sector": "tech""#)
        site.edit(role, replacing: #"["frontend-developer"]"#, with: #"["frontend-develper", "backend-developer"]"#)
        XCTAssertEqual(try site.diagnostics(), [
            "content/roles/backend-developer/role.json:3:13: error: unknown sector `tech`",
            "content/roles/backend-developer/role.json:19:22: error: unknown tool `github-copilt` — did you mean `github-copilot`?",
            "content/roles/backend-developer/role.json:19:49: error: `replacingTools` lists `cursor` twice (first on line 19)",
            "content/roles/backend-developer/role.json:21:20: error: unknown role `frontend-develper` — did you mean `frontend-developer`?",
            "content/roles/backend-developer/role.json:21:41: error: role `backend-developer` lists itself in `relatedRoles`",
        ])
    }

    func testIllustrativeNamesAFigure() throws {
        XCTAssertEqual(try TestSite.diagnostics(editing: role, replacing: #"["riskScore"]"#, with: #"["riskscore", "salary"]"#), [
            "content/roles/backend-developer/role.json:23:20: error: unknown illustrative figure `riskscore` — did you mean `riskScore`?",
            "content/roles/backend-developer/role.json:23:33: error: unknown illustrative figure `salary`",
        ])
    }

    // MARK: The folder

    func testUnsafeRoleFolderName() throws {
        var site = TestSite.valid
        for (path, text) in site.files where path.hasPrefix("content/roles/frontend-developer/") {
            site.files[path] = nil
            site.files[path.replacingOccurrences(of: "frontend-developer", with: "Frontend Dev")] = text
        }
        XCTAssertEqual(try site.diagnostics(), [
            "error: role folder name `Frontend Dev` is not a safe URL segment (use lowercase letters, digits and hyphens)",
            // The folder is not a role any more: its old name is unknown (and the role that
            // refers to it is not suggested to relate to itself).
            "content/roles/backend-developer/role.json:21:20: error: unknown role `frontend-developer`",
        ])
    }

    func testUnexpectedFilesAndUnconfiguredLocales() throws {
        var site = TestSite.valid
        site.files["content/roles/backend-developer/analysys.en.md"] = "typo"
        site.files["content/roles/backend-developer/de.json"] = "{}"
        site.files["content/roles/backend-developer/verdict.de.md"] = "Sicher."
        site.files["content/roles/backend-developer/photo.png"] = "binary"
        XCTAssertEqual(try site.diagnostics(), [
            "content/roles/backend-developer/analysys.en.md:1:1: error: unexpected file `analysys.en.md` in `content/roles/backend-developer/` — did you mean `analysis.en.md`?",
            "content/roles/backend-developer/de.json:1:1: error: `de.json` is for locale `de`, which `locales` in site.json does not list",
            "content/roles/backend-developer/photo.png:1:1: error: unexpected file `photo.png` in `content/roles/backend-developer/`",
            "content/roles/backend-developer/verdict.de.md:1:1: error: `verdict.de.md` is for locale `de`, which `locales` in site.json does not list",
        ])
    }

    func testMissingDefaultLocaleFiles() throws {
        var site = TestSite.valid
        site.files[english] = nil
        site.files["content/roles/backend-developer/verdict.en.md"] = nil
        site.files["content/roles/frontend-developer/role.json"] = nil
        XCTAssertEqual(try site.diagnostics(), [
            "content/roles/backend-developer/en.json:1:1: error: missing file `content/roles/backend-developer/en.json` (the role's text in the default locale)",
            "content/roles/backend-developer/verdict.en.md:1:1: error: missing file `content/roles/backend-developer/verdict.en.md` (the role's verdict in the default locale)",
            "content/roles/frontend-developer/role.json:1:1: error: missing file `content/roles/frontend-developer/role.json` (the role's facts)",
        ])
    }

    func testTranslatedArticleWithoutOriginalIsAWarning() throws {
        var site = TestSite.valid
        site.files["content/roles/backend-developer/article.fr.md"] = "# Analyse"
        let result = try site.load()
        XCTAssertEqual(result.diagnostics.map(\.description), [
            "content/roles/backend-developer/article.fr.md:1:1: warning: `article.fr.md` is ignored: there is no `article.en.md` in the default locale",
        ])
        XCTAssertNotNil(result.site)
        XCTAssertNil(result.site.flatMap { $0.text(of: $0.role("backend-developer")!, in: "fr").articleMarkdown })
    }

    func testInvalidUTF8InMarkdown() throws {
        var site = TestSite.valid
        site.files["content/roles/backend-developer/verdict.en.md"] = nil
        let root = try site.write()
        defer { try? FileManager.default.removeItem(at: root) }
        try Data(Array("Line one\nS".utf8) + [0xFB] + Array("r".utf8)).write(to: root.appendingPathComponent("content/roles/backend-developer/verdict.en.md"))
        XCTAssertEqual(ContentLoader.load(root: root).diagnostics.map(\.description), [
            "content/roles/backend-developer/verdict.en.md:2:2: error: invalid UTF-8 byte 0xFB (save the file as UTF-8)",
        ])
    }

    // MARK: <locale>.json

    func testTextForATaskTheRoleDoesNotHave() throws {
        XCTAssertEqual(try TestSite.diagnostics(editing: french, replacing: #""crud-endpoints": "#, with: #""crud-endpoint": "#), [
            "content/roles/backend-developer/fr.json:3:14: error: text for task `crud-endpoint` that role `backend-developer` does not have — did you mean `crud-endpoints`?",
        ])
        XCTAssertEqual(try TestSite.diagnostics(editing: english, replacing: #""toolReasons": { "#, with: #""toolReasons": { "cursor": "Fast", "#), [
            "content/roles/backend-developer/en.json:11:20: error: text for tool `cursor` that role `backend-developer` does not have",
        ])
    }

    func testDefaultLocaleNeedsATextForEveryItem() throws {
        XCTAssertEqual(try TestSite.diagnostics(editing: english, replacing: "    \"code-reviews\": \"Code reviews\",\n", with: ""), [
            "content/roles/backend-developer/en.json:5:12: error: missing a text for task `code-reviews`",
        ])
        XCTAssertEqual(try TestSite.diagnostics(editing: english, replacing: "  \"toolReasons\": { \"github-copilot\": \"Essential for API work\" },\n", with: ""), [
            "content/roles/backend-developer/en.json:1:1: error: missing required field `toolReasons`",
        ])
        XCTAssertEqual(try TestSite.diagnostics(editing: english, replacing: #", "boilerplate": "Boilerplate""#, with: ""), [
            "content/roles/backend-developer/en.json:10:13: error: missing a name for skill `boilerplate`",
        ])
    }

    func testDefaultLocaleRequiresEveryPageField() throws {
        XCTAssertEqual(try TestSite.diagnostics(editing: english, replacing: "  \"title\": \"Backend Developer\",\n", with: ""), [
            "content/roles/backend-developer/en.json:1:1: error: missing required field `title`",
        ])
        XCTAssertEqual(try TestSite.diagnostics(editing: english, replacing: "  \"quickWins\": [\"Install GitHub Copilot\"],\n", with: ""), [
            "content/roles/backend-developer/en.json:1:1: error: missing required field `quickWins`",
        ])
    }

    func testRoadmapPhases() throws {
        XCTAssertEqual(try TestSite.diagnostics(editing: english, replacing: #""steps": ["Learn Copilot"]"#, with: #""steps": []"#), [
            "content/roles/backend-developer/en.json:13:109: error: `roadmap[0].steps` must not be empty",
        ])
        XCTAssertEqual(try TestSite.diagnostics(editing: french, replacing: #""tasks""#, with: #""roadmap": [{ "title": "Développeur", "step": ["Apprendre"] }], "tasks""#), [
            "content/roles/backend-developer/fr.json:3:15: error: missing required field `roadmap[0].timeframe`",
            "content/roles/backend-developer/fr.json:3:41: error: unknown field `step` — did you mean `steps`?",
        ])
    }

    func testTranslationTypesAreChecked() throws {
        XCTAssertEqual(try TestSite.diagnostics(editing: french, replacing: #""tasks""#, with: #""quickWins": "Installer Copilot", "faq": [{ "question": "?" }], "tasks""#), [
            "content/roles/backend-developer/fr.json:3:16: error: `quickWins` must be an array, found a string",
            "content/roles/backend-developer/fr.json:3:45: error: missing required field `faq[0].answer`",
        ])
    }
}
