import Content
import XCTest

@testable import Site

/// A message whose arguments are all texts is typeset once per locale with markers in their
/// place (`LocaleStrings.Entry.marked`), and each page fills in its own texts: two roles still
/// get their own titles, typeset by their own language, and a page without one of the texts
/// gets the message as `Message.format` shows a missing argument.
final class MarkedMessageTests: XCTestCase {
    private func heroTitle(_ titlePlural: LocalizedText?) throws -> UIText {
        let model = try PageDataDocumentationTests.model(PageDataDocumentationTests.fixture())
        let strings = try XCTUnwrap(model.strings["fr"])
        var arguments = MessageArguments()
        arguments.text[.titlePlural] = titlePlural
        arguments.text[.title] = LocalizedText(text: "Boulanger", locale: "fr")
        return strings.format(.heroTitle, strings.resolve(arguments))
    }

    func testEachPageFillsInItsOwnTexts() throws {
        let french = try heroTitle(LocalizedText(text: "Boulangers", locale: "fr"))
        XCTAssertEqual(french.text, "L'IA va-t-elle remplacer les Boulangers\u{202F}?")
        XCTAssertEqual(french.html, "L&#39;IA va-t-elle remplacer les Boulangers\u{202F}?")
        let english = try heroTitle(LocalizedText(text: "Developers: \"back end\"", locale: "en"))
        XCTAssertEqual(english.text, "L'IA va-t-elle remplacer les Developers: \"back end\"\u{202F}?")
        XCTAssertEqual(english.html, "L&#39;IA va-t-elle remplacer les <span lang=\"en\">Developers: &quot;back end&quot;</span>\u{202F}?")
    }

    func testAPageWithoutATextShowsTheArgumentsName() throws {
        let missing = try heroTitle(nil)
        XCTAssertEqual(missing.text, "L'IA va-t-elle remplacer les {titlePlural}\u{202F}?")
    }
}
