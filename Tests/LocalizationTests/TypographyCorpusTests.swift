import Localization
import XCTest

/// French spacing over 20,000 texts put together from the pieces its rules act on (punctuation,
/// spaces of every kind, guillemets, numbers and signs, URLs, tags, code, character
/// references), as plain text and as HTML, against a checksum of every output as the pass gave
/// them when the test was written (when it still copied the text a character at a time). A
/// change to the pass that changes any output fails here; one that is meant updates the
/// checksum and says why in its commit.
final class TypographyCorpusTests: XCTestCase {
    private static let pieces = [
        "mot", "Bonjour", "40", "1er", " ", "  ", "\n", "\t", "\u{A0}", "\u{202F}", "\u{2009}", "!", "?", ";", ":", "?!", "%", "€", "$",
        "‰", "£", "«", "»", "(", ")", "[", "]", "\"", "'", ".", ",", "é", "https://exemple.fr/a", "www.exemple.fr", "a@b.fr", "mailto:x",
        "10:30", "<em>", "</em>", "<code>", "</code>", "<a href=\"x?y\">", "</a>", "&amp;", "&nbsp;", "&#160;", "<!-- c : d -->",
        "<script>a ? b : c</script>", "<pre>", "</pre>",
    ]

    func testChecksumOfTheCorpus() {
        let fr = LocaleRules.builtIn("fr")!
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        /// A fixed sequence (an LCG): the same corpus on every run.
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        var checksum: UInt64 = 0xcbf2_9ce4_8422_2325
        func fold(_ text: String) {
            for byte in text.utf8 { checksum = (checksum ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
            checksum = (checksum ^ 0xFF) &* 0x0000_0100_0000_01b3
        }
        var changed = 0
        for _ in 0..<20_000 {
            var text = ""
            for _ in 0..<(1 + next(12)) { text += Self.pieces[next(Self.pieces.count)] }
            let asText = fr.typography(text: text)
            let asHTML = fr.typography(html: text)
            if asText != text { changed += 1 }
            fold(asText)
            fold(asHTML)
        }
        // Most texts change, and some do not: both paths of the pass are taken.
        XCTAssertGreaterThan(changed, 10_000)
        XCTAssertLessThan(changed, 20_000)
        XCTAssertEqual(String(checksum, radix: 16), "4a4fb6b56d156956")
    }
}
