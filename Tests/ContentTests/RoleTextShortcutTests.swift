import Content
import XCTest

/// The role text readers answer the common case cheaply (a text that starts with a letter, item
/// texts written in the order of the role's ids, a short description): these pin down the cases
/// next to those shortcuts, which must be reported exactly as before.
final class RoleTextShortcutTests: XCTestCase {
    private let english = TestSite.backendEnglish
    private let french = TestSite.backendFrench

    func testItemTextsInAnotherOrderThanTheIdsAreAllKnown() throws {
        XCTAssertEqual(try TestSite.diagnostics(
            editing: english,
            replacing: #""skills": { "system-design": "System design", "boilerplate": "Boilerplate" }"#,
            with: #""skills": { "boilerplate": "Boilerplate", "system-design": "System design" }"#
        ), [])
    }

    func testAnUnknownKeyAmongKnownOnesInAnotherOrder() throws {
        XCTAssertEqual(try TestSite.diagnostics(
            editing: french,
            replacing: #""tasks": { "crud-endpoints": "Écrire des endpoints CRUD" }"#,
            with: #""tasks": { "system-design": "Concevoir", "crud-endpoint": "Écrire" }"#
        ), [
            "content/roles/backend-developer/fr.json:3:44: error: text for task `crud-endpoint` that role `backend-developer` does not have — did you mean `crud-endpoints`?",
        ])
    }

    func testAMissingItemTextWhenTheOthersAreInAnotherOrder() throws {
        XCTAssertEqual(try TestSite.diagnostics(
            editing: english,
            replacing: "    \"crud-endpoints\": \"Writing basic CRUD API endpoints\",\n    \"code-reviews\": \"Code reviews\",\n",
            with: "    \"code-reviews\": \"Code reviews\",\n"
        ), [
            "content/roles/backend-developer/en.json:5:12: error: missing a text for task `crud-endpoints`",
        ])
    }

    func testPlaceholdersAfterWhiteSpaceAndNotInsideAText() throws {
        XCTAssertEqual(try TestSite.diagnostics(editing: english, replacing: #""Backend Developer""#, with: #"" \n TODO: write the title""#), [
            "content/roles/backend-developer/en.json:2:12: error: `title` is still a placeholder (`TODO: …`): write its text",
        ])
        XCTAssertEqual(try TestSite.diagnostics(editing: english, replacing: #""Backend Developer""#, with: "\"\u{2003}TODO: write the title\""), [
            "content/roles/backend-developer/en.json:2:12: error: `title` is still a placeholder (`TODO: …`): write its text",
        ])
        XCTAssertEqual(try TestSite.diagnostics(editing: english, replacing: #""Backend Developer""#, with: #""Tasks TODO: later""#), [])
    }

    func testBlankTextsOfUnicodeWhiteSpace() throws {
        XCTAssertEqual(try TestSite.diagnostics(editing: english, replacing: #""Backend Developer""#, with: "\"\u{00A0}\u{2003}\""), [
            "content/roles/backend-developer/en.json:2:12: error: `title` is empty: write its text",
        ])
        XCTAssertEqual(try TestSite.diagnostics(editing: french, replacing: #""Développeur Backend""#, with: "\"\u{00A0}\""), [])
    }

    func testRangesWithAHyphenAtEitherEndOfATextAndNotInsideWords() throws {
        XCTAssertEqual(try TestSite.diagnostics(editing: english, replacing: #""Will AI replace backend developers?""#, with: #""5-7""#), [
            "content/roles/backend-developer/en.json:4:18: warning: range `5-7` is written with a hyphen; pages write ranges as `5–7` — write it that way",
        ])
        XCTAssertEqual(try TestSite.diagnostics(editing: english, replacing: #""Will AI replace backend developers?""#, with: #""COVID-19 and 2026-10-01 and x1-2""#), [])
    }

    /// A message names a value inside a list inside a list's object by its whole path (the
    /// members of a list's objects put their list's path together only for a message).
    func testAPathThroughTwoLists() throws {
        XCTAssertEqual(try TestSite.diagnostics(editing: english, replacing: #""steps": ["Learn Copilot"]"#, with: #""steps": ["Learn Copilot", " ", 7]"#), [
            "content/roles/backend-developer/en.json:13:127: error: `roadmap[0].steps[1]` is empty: write its text",
            "content/roles/backend-developer/en.json:13:132: error: `roadmap[0].steps[2]` must be a string, found an integer",
        ])
    }

    /// Hyphens that join no digits come first (the search for a range goes on past each one),
    /// and one ends the text.
    func testARangeAfterHyphensThatAreNone() throws {
        XCTAssertEqual(try TestSite.diagnostics(editing: english, replacing: #""Will AI replace backend developers?""#, with: #""A well-known, 9- or -2 one: 12-18 months -""#), [
            "content/roles/backend-developer/en.json:4:18: warning: range `12-18` is written with a hyphen; pages write ranges as `12–18` — write it that way",
        ])
    }

    func testDescriptionLengthCountsCharactersNotBytes() throws {
        let accented = String(repeating: "é", count: 160)
        XCTAssertEqual(try TestSite.diagnostics(editing: english, replacing: "Will AI replace backend developers?", with: accented), [])
        let long = String(repeating: "é", count: 161)
        XCTAssertEqual(try TestSite.diagnostics(editing: english, replacing: "Will AI replace backend developers?", with: long), [
            "content/roles/backend-developer/en.json:4:18: warning: `description` is 161 characters long; search results show about 160, so keep it to 160 or fewer",
        ])
    }
}
