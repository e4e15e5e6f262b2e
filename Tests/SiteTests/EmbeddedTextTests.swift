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

    /// Markers are found in the message's UTF-8 bytes: an index of two digits, markers side by
    /// side, at both ends, and the neighbours of the noncharacters (U+FDCF, U+FDF0, which share
    /// their first two bytes) and a four-byte emoji are kept as they are.
    func testShownFindsMarkersAmongNeighbouringScalars() {
        let embedded = (0..<18).map { EmbeddedValue(text: "v\($0)", html: "v\($0)", locale: "fr") }
        let typeset = EmbeddedText.marker(17) + EmbeddedText.marker(2) + "\u{FDCF}é\u{FDF0}😀" + EmbeddedText.marker(16)
        let shown = EmbeddedText.shown(typeset, language: "fr", pageLocale: "fr", embedded: embedded)
        XCTAssertEqual(shown.text, "v17v2\u{FDCF}é\u{FDF0}😀v16")
        XCTAssertEqual(shown.html, "v17v2\u{FDCF}é\u{FDF0}😀v16")
    }

    func testMarkersAreTheOnlyReservedScalars() {
        XCTAssertFalse(EmbeddedText.hasMarkers("\u{FDCF}é\u{FDF0}😀"))
        XCTAssertTrue(EmbeddedText.hasMarkers("a" + String(Unicode.Scalar(0xFDEF as UInt32)!)))
        XCTAssertEqual(EmbeddedText.removingMarkers(from: "a" + EmbeddedText.marker(26) + "\u{FDF0}b"), "a\u{FDF0}b")
        // Other scalars that start with EF (U+FEFF, U+F000) before a marker at the very end of
        // a long text, and without one.
        let long = String(repeating: "x", count: 40) + "\u{FEFF}\u{F000}"
        XCTAssertTrue(EmbeddedText.hasMarkers(long + EmbeddedText.marker(3)))
        XCTAssertFalse(EmbeddedText.hasMarkers(long))
        XCTAssertFalse(EmbeddedText.hasMarkers(long + "\u{EF}"))
    }
}
