import Content
import XCTest

/// Mistakes in the UI string tables of `locales/`.
final class StringTableErrorTests: XCTestCase {
    func testKeySegmentsAreIdentifiers() throws {
        XCTAssertEqual(try TestSite.diagnostics(editing: "locales/en.json", replacing: #""report": {"#, with: #""report": { "hero-title": "x", "2nd": "y","#), [
            "locales/en.json:4:15: error: string key `hero-title` must start with a letter and contain only letters, digits and `_`",
            "locales/en.json:4:34: error: string key `2nd` must start with a letter and contain only letters, digits and `_`",
        ])
    }

    func testLeavesMustBeStrings() throws {
        XCTAssertEqual(try TestSite.diagnostics(editing: "locales/en.json", replacing: #""report": {"#, with: #""report": { "count": 3, "list": ["a"],"#), [
            "locales/en.json:4:24: error: string `report.count` must be a string or an object of strings, found an integer",
            "locales/en.json:4:35: error: string `report.list` must be a string or an object of strings, found an array",
        ])
    }

    func testTranslatedKeyMustExistInTheDefaultTable() throws {
        XCTAssertEqual(try TestSite.diagnostics(editing: "locales/fr.json", replacing: #""title""#, with: #""titel""#), [
            "locales/fr.json:2:13: warning: string `hero.titel` is not in locales/en.json, so no page uses it — did you mean `hero.title`?",
        ])
    }

    func testTableFilesForUnconfiguredLocalesAndStrayFiles() throws {
        var site = TestSite.valid
        site.files["locales/de.json"] = "{}"
        site.files["locales/README.txt"] = "notes"
        XCTAssertEqual(try site.diagnostics(), [
            "locales/README.txt:1:1: error: unexpected file `README.txt` in `locales/`",
            "locales/de.json:1:1: error: `de.json` is for locale `de`, which `locales` in site.json does not list",
        ])
    }

    func testDefaultTableIsRequired() throws {
        var site = TestSite.valid
        site.files["locales/en.json"] = nil
        XCTAssertEqual(try site.diagnostics(), ["locales/en.json:1:1: error: missing file `locales/en.json` (the UI strings of the default locale)"])
    }
}
