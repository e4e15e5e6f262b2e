import Content
import XCTest

/// An empty or blank text is no text: an error where a text is required (the default locale,
/// list items), a fallback in another locale — never an empty heading or `"name": ""` on a page.
final class EmptyTextTests: XCTestCase {
    func testBlankDefaultTextsAreErrorsAtTheirPosition() throws {
        XCTAssertEqual(try TestSite.diagnostics(editing: TestSite.backendEnglish, replacing: #""title": "Backend Developer""#, with: #""title": "  ""#), [
            "content/roles/backend-developer/en.json:2:12: error: `title` is empty: write its text",
        ])
        XCTAssertEqual(try TestSite.diagnostics(editing: TestSite.backendEnglish, replacing: #""code-reviews": "Code reviews""#, with: #""code-reviews": """#), [
            "content/roles/backend-developer/en.json:7:21: error: `tasks.code-reviews` is empty: write its text",
        ])
        XCTAssertEqual(try TestSite.diagnostics(editing: "locales/en.json", replacing: #""button": "Get Your Full Risk Report""#, with: #""button": "\n""#), [
            "locales/en.json:4:25: error: `report.button` is empty: write its text",
        ])
    }

    func testBlankListItemIsAnErrorInEveryLocale() throws {
        XCTAssertEqual(try TestSite.diagnostics(editing: TestSite.backendFrench, replacing: #""tasks""#, with: #""quickWins": ["Installer Copilot", ""], "tasks""#), [
            "content/roles/backend-developer/fr.json:3:38: error: `quickWins[1]` is empty: write its text",
        ])
    }

    func testBlankDefaultMarkdownIsAnError() throws {
        var site = TestSite.valid
        site.files["content/roles/backend-developer/verdict.en.md"] = " \n\n"
        XCTAssertEqual(try site.diagnostics(), [
            "content/roles/backend-developer/verdict.en.md:1:1: error: the file is empty: write its text",
        ])
    }

    func testBlankTranslationsFallBack() throws {
        var site = TestSite.valid
        site.edit(TestSite.backendFrench, replacing: #""title": "Développeur Backend""#, with: #""title": """#)
        site.files["content/roles/backend-developer/verdict.fr.md"] = "\n"
        site.edit("locales/fr.json", replacing: #""L'IA va-t-elle remplacer les {titlePlural} ?""#, with: #"" ""#)
        let result = try site.load()
        XCTAssertEqual(result.diagnostics.map(\.description), [])
        let content = try XCTUnwrap(result.site)
        let french = content.text(of: try XCTUnwrap(content.role("backend-developer")), in: "fr")
        XCTAssertEqual(french.title, "Backend Developer")
        XCTAssertEqual(french.verdictMarkdown, "Relatively secure.\n")
        XCTAssertTrue(french.isFallback("title"))
        XCTAssertTrue(french.isFallback("verdict"))
        let fallbacks = content.fallbacks.map(\.description)
        XCTAssertTrue(fallbacks.contains("fr: backend-developer: title"))
        XCTAssertTrue(fallbacks.contains("fr: strings.hero.title"))
        XCTAssertEqual(content.uiStrings(in: "fr")["hero.title"]?.value, "Will AI replace {titlePlural}?")
    }

    func testBlankCatalogTextsFallBackOrFail() throws {
        var site = TestSite.valid
        site.edit("content/sectors.json", replacing: #""fr": "Technologie""#, with: #""fr": " ""#)
        let content = try XCTUnwrap(try site.load().site)
        XCTAssertTrue(content.fallbacks.map(\.description).contains("fr: sectors.technology.name"))
        XCTAssertEqual(try TestSite.diagnostics(editing: "content/sectors.json", replacing: #""en": "Finance""#, with: #""en": """#), [
            "content/sectors.json:4:40: error: `sectors[1].name.en` is empty: write its text",
        ])
    }
}
