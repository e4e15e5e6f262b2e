import XCTest

@testable import Site

/// The escape of the sitemap and of `rolegen serve`'s messages: the five characters that could
/// end a value or start markup become entities, everything else (any language) stays as written.
final class MarkupEscapingTests: XCTestCase {
    func testTheFiveMarkupCharactersBecomeEntities() {
        XCTAssertEqual(
            MarkupEscaping.escape(#"https://example.org/fr/métiers/?a=1&b=<2>"x"'y'"#),
            "https://example.org/fr/métiers/?a=1&amp;b=&lt;2&gt;&quot;x&quot;&apos;y&apos;")
        XCTAssertEqual(MarkupEscaping.escape("&&"), "&amp;&amp;")
    }

    func testTextWithoutThemIsUnchanged() {
        for text in ["", "https://example.org/de/berufe/bäcker/", "日本語のテキスト", "a;b#c%20d"] {
            XCTAssertEqual(MarkupEscaping.escape(text), text)
        }
    }
}
