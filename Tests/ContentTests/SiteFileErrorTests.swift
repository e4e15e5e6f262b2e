import Content
import XCTest

/// Mistakes in `site.json`, the catalogs and the folder layout: one test per kind, asserting
/// the exact message and position.
final class SiteFileErrorTests: XCTestCase {
    func testMissingSiteFolder() {
        let result = ContentLoader.load(root: URL(fileURLWithPath: "/nonexistent/rolegen-site"))
        XCTAssertNil(result.site)
        XCTAssertEqual(result.diagnostics.map(\.description), ["error: site folder `/nonexistent/rolegen-site` does not exist"])
    }

    func testMissingSiteJSONStopsTheRun() throws {
        var site = TestSite.valid
        site.files["site.json"] = nil
        XCTAssertEqual(try site.diagnostics(), ["site.json:1:1: error: missing file `site.json`"])
    }

    func testUnknownFieldSuggestsTheClosestOne() throws {
        XCTAssertEqual(try TestSite.diagnostics(editing: "site.json", replacing: #""title""#, with: #""tittle""#), [
            "site.json:3:3: error: unknown field `tittle` — did you mean `title`?",
        ])
    }

    func testBaseURLMustBeAbsoluteHTTP() throws {
        XCTAssertEqual(try TestSite.diagnostics(editing: "site.json", replacing: #""https://willaireplace.example""#, with: #""willaireplace.example""#), [
            "site.json:4:14: error: `baseURL` must be an http:// or https:// URL with a host and no query or fragment: `willaireplace.example` does not start with http:// or https://",
        ])
        XCTAssertEqual(try TestSite.diagnostics(editing: "site.json", replacing: #""https://example.org/report""#, with: #""mailto:me@example.org""#), [
            "site.json:8:21: error: `reportEndpoint` must be an absolute http:// or https:// URL, found `mailto:me@example.org`",
        ])
    }

    func testDefaultLocaleMustBeListed() throws {
        XCTAssertEqual(try TestSite.diagnostics(editing: "site.json", replacing: #""defaultLocale": "en""#, with: #""defaultLocale": "fe""#), [
            "site.json:5:20: error: `defaultLocale` `fe` is not one of `locales` — did you mean `fr`?",
        ])
    }

    func testLocaleNeedsBuiltInFormattingRules() throws {
        XCTAssertEqual(try TestSite.diagnostics(editing: "site.json", replacing: #"["en", "fr"]"#, with: #"["en", "fr", "de"]"#), [
            "site.json:6:27: error: rolegen has no formatting rules for locale `de` (supported: en, fr; docs/localization.md says how to add one)",
        ])
    }

    func testLocaleCodesMustBeValidUniqueAndPresent() throws {
        XCTAssertEqual(try TestSite.diagnostics(editing: "site.json", replacing: #"["en", "fr"]"#, with: #"["en", "fr_FR", "en"]"#), [
            "site.json:6:21: error: `fr_FR` is not a locale code like `en`, `fr` or `pt-BR`",
            "site.json:6:30: error: `locales` lists `en` twice (first on line 6)",
        ])
        XCTAssertEqual(try TestSite.diagnostics(editing: "site.json", replacing: #"["en", "fr"]"#, with: "[]"), [
            "site.json:5:20: error: `defaultLocale` `en` is not one of `locales`",
            "site.json:6:14: error: `locales` must not be empty",
        ])
    }

    func testURLSegments() throws {
        XCTAssertEqual(try TestSite.diagnostics(editing: "site.json", replacing: #"{ "fr": { "roles": "metiers" } }"#, with: #"{ "fe": { "role": "métiers", "roles": "Metiers" } }"#), [
            "site.json:7:20: error: locale `fe` is not listed in `locales` in site.json — did you mean `fr`?",
            "site.json:7:28: error: unknown URL segment `role` — did you mean `roles`?",
            "site.json:7:56: error: URL segment `Metiers` is not a safe URL segment (use lowercase letters, digits and hyphens)",
        ])
    }

    func testSections() throws {
        XCTAssertEqual(try TestSite.diagnostics(editing: "site.json", replacing: #""reportEndpoint""#, with: #""sections": ["hero", "hreo", "hero", 3], "reportEndpoint""#), [
            "site.json:8:24: error: unknown section `hreo` — did you mean `hero`?",
            "site.json:8:32: error: `sections` lists `hero` twice (first on line 8)",
            "site.json:8:40: error: `sections[3]` must be a string, found an integer",
        ])
    }

    func testWrongTypeNamesWhatWasFound() throws {
        XCTAssertEqual(try TestSite.diagnostics(editing: "site.json", replacing: #""reportEndpoint""#, with: #""allowRawHTML": "yes", "reportEndpoint""#), [
            "site.json:8:19: error: `allowRawHTML` must be `true` or `false`, found a string",
        ])
        XCTAssertEqual(try TestSite.diagnostics(editing: "site.json", replacing: #""title": "Will AI Replace My Job?""#, with: #""title": ["Will AI"]"#), [
            "site.json:3:12: error: `title` must be a string, found an array",
        ])
    }

    func testTopLevelMustBeAnObject() throws {
        var site = TestSite.valid
        site.files["content/tools.json"] = "[]"
        XCTAssertEqual(try site.diagnostics(), ["content/tools.json:1:1: error: the file's top level must be an object, found an array"])
    }

    func testDuplicateCatalogIDsPointAtTheSecondAndNameTheFirst() throws {
        XCTAssertEqual(try TestSite.diagnostics(editing: "content/tools.json", replacing: #""id": "cursor""#, with: #""id": "github-copilot""#), [
            // The role that uses `cursor` now names an unknown tool: reported too.
            "content/roles/backend-developer/role.json:19:40: error: unknown tool `cursor`",
            "content/tools.json:5:13: error: duplicate tool id `github-copilot` (first defined on line 3)",
        ])
    }

    func testCatalogIDsMustBeSafe() throws {
        XCTAssertEqual(try TestSite.diagnostics(editing: "content/sectors.json", replacing: #""id": "finance""#, with: #""id": "Finance & Banking""#), [
            "content/sectors.json:4:13: error: sector id `Finance & Banking` is not a safe URL segment (use lowercase letters, digits and hyphens)",
        ])
    }

    func testLocalizedTextNeedsConfiguredLocalesAndTheDefault() throws {
        XCTAssertEqual(try TestSite.diagnostics(editing: "content/sectors.json", replacing: #"{ "en": "Finance" }"#, with: #"{ "fr": "Finance", "de": "Finanzen" }"#), [
            "content/sectors.json:4:32: error: `sectors[1].name` has no `en` text (the default locale's text is required)",
            "content/sectors.json:4:51: error: locale `de` is not listed in `locales` in site.json",
        ])
    }

    func testToolURLMustBeAbsolute() throws {
        XCTAssertEqual(try TestSite.diagnostics(editing: "content/tools.json", replacing: #""https://github.com/features/copilot""#, with: #""github.com""#), [
            "content/tools.json:3:64: error: `tools[0].url` must be an absolute http:// or https:// URL, found `github.com`",
        ])
    }

    func testMissingCatalogDoesNotTurnEveryReferenceIntoAnError() throws {
        var site = TestSite.valid
        site.files["content/tools.json"] = nil
        XCTAssertEqual(try site.diagnostics(), ["content/tools.json:1:1: error: missing file `content/tools.json`"])
    }

    func testUnexpectedFilesInContentFolders() throws {
        var site = TestSite.valid
        site.files["content/tool.json"] = "{}"
        site.files["content/roles/notes.txt"] = "todo"
        site.files["content/.DS_Store"] = "ignored: hidden"
        site.files["content/fr.json"] = "{}"
        XCTAssertEqual(try site.diagnostics(), [
            // A configured locale's name, but not a place for locale files.
            "content/fr.json:1:1: error: unexpected file `fr.json` in `content/`",
            "content/roles/notes.txt:1:1: error: unexpected file `notes.txt` in `content/roles/`",
            "content/tool.json:1:1: error: unexpected file `tool.json` in `content/` — did you mean `tools.json`?",
        ])
    }

    func testMissingRolesFolderAndUnreadableFiles() throws {
        var site = TestSite.valid
        for path in site.files.keys where path.hasPrefix("content/roles/") {
            site.files[path] = nil
        }
        site.files["content/sectors.json"] = nil
        site.files["content/sectors.json/notes.txt"] = "a folder where a file should be"
        XCTAssertEqual(try site.diagnostics(), [
            "error: missing file `content/roles/` (one folder per role)",
            "content/sectors.json:1:1: error: cannot read `content/sectors.json`",
        ])
    }

    func testInvalidJSONIsReportedAtTheMistake() throws {
        XCTAssertEqual(try TestSite.diagnostics(editing: "content/sectors.json", replacing: #""Technologie" } },"#, with: #""Technologie" } }"#), [
            "content/sectors.json:4:5: error: unexpected `{`, expected `,` or `]`",
        ])
    }

    func testDuplicateKeys() throws {
        XCTAssertEqual(try TestSite.diagnostics(editing: "site.json", replacing: #""defaultLocale": "en","#, with: #""defaultLocale": "en", "title": "Again","#), [
            "site.json:5:26: error: duplicate key `title` (first defined on line 3)",
        ])
    }

    func testInvalidUTF8PointsAtTheFirstBadByte() throws {
        let root = try TestSite.valid.write()
        defer { try? FileManager.default.removeItem(at: root) }
        let url = root.appendingPathComponent("content/sectors.json")
        var bytes = try Data(contentsOf: url)
        let position = bytes.firstRange(of: Data("Technologie".utf8))!.lowerBound + 4
        bytes[position] = 0xE9  // "Technélogie" in Latin-1
        try bytes.write(to: url)
        XCTAssertEqual(ContentLoader.load(root: root).diagnostics.map(\.description), [
            "content/sectors.json:3:68: error: invalid UTF-8 byte 0xE9 (save the file as UTF-8)",
        ])
    }
}
