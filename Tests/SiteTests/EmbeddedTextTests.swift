import XCTest

@testable import Site

/// `EmbeddedText.shown` copies the text between markers as slices of the message: these pin
/// what it must keep (every scalar, including a combining mark right after a marker) and
/// escape.
final class EmbeddedTextTests: XCTestCase {
    func testShownFillsValuesEscapesLiteralsAndKeepsAMarkFollowingAMarker() {
        let typeset = "A & " + EmbeddedText.marker(0) + "\u{301}b < " + EmbeddedText.marker(1) + "!"
        let embedded = [
            EmbeddedValue(text: "x\"y", html: "x&quot;y", locale: "fr"),
            EmbeddedValue(text: "Z", html: "Z", locale: "en"),
        ]
        let shown = EmbeddedText.shown(typeset, language: "fr", pageLocale: "fr", embedded: embedded)
        XCTAssertEqual(Array(shown.text.utf8), Array("A & x\"y\u{301}b < Z!".utf8))
        XCTAssertEqual(Array(shown.html.utf8), Array("A &amp; x&quot;y\u{301}b &lt; <span lang=\"en\">Z</span>!".utf8))
    }

    func testShownMarksAForeignMessageAndSkipsAnUnknownValue() {
        let typeset = EmbeddedText.marker(7) + "Tom's"
        let shown = EmbeddedText.shown(typeset, language: "en", pageLocale: "fr", embedded: [])
        XCTAssertEqual(shown.text, "Tom's")
        XCTAssertEqual(shown.html, "<span lang=\"en\">Tom&#39;s</span>")
    }
}
