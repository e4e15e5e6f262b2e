import XCTest

@testable import Site

/// `PlainText.fromHTML` builds its text as UTF-8 bytes: these pin what it keeps, drops and
/// decodes (a verdict's FAQ answer and meta text come from it).
final class PlainTextTests: XCTestCase {
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
