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

    // Every check of a table is made when it is read, at the exact column: message syntax and
    // argument names too (issue 9, item 3).

    /// The column counts the file's characters: the escapes before the mistake are longer than
    /// what they stand for.
    func testMessageSyntaxErrorIsAtItsColumnAfterEscapes() throws {
        XCTAssertEqual(try TestSite.diagnostics(editing: "locales/en.json", replacing: #""Get Your Full Risk Report""#,
                                                with: #""Get \"Your\" \u00E9 {n, plural, one {x}}""#), [
            "locales/en.json:4:46: error: invalid UI string: plural argument `n` has no `other` branch",
        ])
    }

    /// At the name, whatever comes before it; the table is still loaded for the rest of the
    /// checks (the string is not used), but the site is not.
    func testUnknownArgumentIsAtItsName() throws {
        var site = TestSite.valid
        site.files["locales/en.json"] = site.files["locales/en.json"]!.replacingOccurrences(
            of: #""Get Your Full Risk Report""#, with: #""{riskScore} \"{ titel, plural, other {#} }""#)
        let result = try site.load()
        XCTAssertEqual(result.diagnostics.map(\.description), [
            "locales/en.json:4:42: error: UI string `report.button` uses unknown argument `{titel}` — did you mean `title`?",
        ])
        XCTAssertEqual(result.diagnostics.first?.code, "RG404")
        XCTAssertNil(result.site)
        XCTAssertEqual(result.partialSite?.strings["en"]?.entries["hero.title"]?.message?.argumentNames, ["titlePlural"])
    }

    /// A broken translation is reported in its own file, once; the default table is not
    /// blamed.
    func testABrokenTranslationIsReportedInItsFileOnly() throws {
        XCTAssertEqual(try TestSite.diagnostics(editing: "locales/fr.json", replacing: "{titlePlural} ?", with: "{titlePlural ?"), [
            "locales/fr.json:2:65: error: invalid UI string: expected `,` or `}` after argument name `titlePlural`",
        ])
    }
}
