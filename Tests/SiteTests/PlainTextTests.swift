import XCTest

@testable import Site

/// The verdict's plain text (FAQ answers, JSON-LD): tags dropped, cmark-gfm's entities decoded,
/// white space folded, and text in any script copied as written.
final class PlainTextTests: XCTestCase {
    func testTagsBecomeOneSpaceBetweenWordsAndNoneAtTheEdges() {
        XCTAssertEqual(PlainText.fromHTML("<p>Adapt <strong>now</strong>.</p>\n<p>Then lead.</p>\n"), "Adapt now . Then lead.")
        XCTAssertEqual(PlainText.fromHTML("<p><em>Quickly</em></p>"), "Quickly")
    }

    func testWhiteSpaceRunsFoldIntoOneSpace() {
        XCTAssertEqual(PlainText.fromHTML("  one\n\t two\r\nthree  "), "one two three")
    }

    func testEntitiesAreDecoded() {
        XCTAssertEqual(
            PlainText.fromHTML("&quot;R&amp;D&quot; &lt;b&gt; l&apos;IA&nbsp;: &#233;t&#xE9; &#X1F600;"),
            "\"R&D\" <b> l'IA\u{00A0}: été 😀")
    }

    func testAnUnknownOrUnfinishedEntityIsKeptAsWritten() {
        XCTAssertEqual(PlainText.fromHTML("a &bogus; b"), "a &bogus; b")
        XCTAssertEqual(PlainText.fromHTML("fish &chips"), "fish &chips")
        // A name longer than ten characters is given up with the character that overflowed it.
        XCTAssertEqual(PlainText.fromHTML("&abcdefghijKL"), "&abcdefghijL")
    }

    func testAnEntityNameCountsCharactersNotBytes() {
        // "é" is two bytes and "\r\n" two scalars, but each is one character of the name.
        XCTAssertEqual(PlainText.fromHTML("&éééééééééé!x"), "&ééééééééééx")
        XCTAssertEqual(PlainText.fromHTML("&" + String(repeating: "\r\n", count: 9) + "!x"), "&" + String(repeating: "\r\n", count: 9) + "!")
    }

    func testTextInAnyScriptIsCopiedAsWritten() {
        XCTAssertEqual(PlainText.fromHTML("<p>Développeur·se backend — 日本語 😀</p>"), "Développeur·se backend — 日本語 😀")
    }

    func testTagsAreDroppedAndWhiteSpaceBecomesOneSpace() {
        XCTAssertEqual(PlainText.fromHTML("<p>Une <em>vraie</em>\n  réponse</p>\n<p>Deux 😀</p>\n"), "Une vraie réponse Deux 😀")
    }

    func testEntitiesAreDecodedAndUnknownOnesKept() {
        XCTAssertEqual(PlainText.fromHTML("<p>A &amp; B &lt;c&gt; &quot;d&quot; &#39;e&#x27; &nbsp;f &bogus;</p> &copy"), "A & B <c> \"d\" 'e' \u{00A0}f &bogus; &copy")
    }

    /// (As it always was: the scalar that makes the name too long is dropped with it.)
    func testAnEntityNameOfMoreThanTenScalarsIsLeftAsText() {
        XCTAssertEqual(PlainText.fromHTML("R&Dabcdefghijk"), "R&Dabcdefghik")
    }
}
