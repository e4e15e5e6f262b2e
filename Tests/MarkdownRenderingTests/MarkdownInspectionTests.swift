import XCTest
@testable import MarkdownRendering

/// `inspect` skips parsing a text that cannot hold a link, an image or raw HTML: the skip must
/// never hide one, and must apply to plain prose.
final class MarkdownInspectionTests: XCTestCase {
    private let renderer = MarkdownRenderer()

    /// Every form that gives a link, an image or raw HTML, each alone in a text.
    private let forms = [
        "See [the guide](https://example.org/guide).",
        "An image: ![a chart](chart.png)",
        "A [reference link][ref].\n\n[ref]: ../other/",
        "A collapsed [ref][] and a shortcut [ref].\n\n[ref]: #faq",
        "An autolink <https://example.org> here.",
        "A mail autolink <someone@example.org>.",
        "Extended: https://example.org/page and more.",
        "Extended: ftp://files.example.org/x",
        "Extended: www.example.org is a site.",
        "Mail: someone@example.org writes.",
        "Mail: mailto:someone@example.org",
        "Inline <b>bold</b> HTML.",
        "<div>\nA block.\n</div>",
        "A comment <!-- note --> inside.",
        "A link to [role:devops-engineer](role:devops-engineer#faq).",
    ]

    func testEveryLinkAndRawHTMLFormIsStillFound() {
        for markdown in forms {
            XCTAssertTrue(MarkdownRenderer.mayHoldLinksOrHTML(markdown), markdown)
            let inspection = renderer.inspect(markdown)
            XCTAssertFalse(inspection.links.isEmpty && inspection.rawHTML.isEmpty, markdown)
        }
        // cmark-gfm links only a lowercase `www.`; the scan does not rely on that.
        XCTAssertTrue(MarkdownRenderer.mayHoldLinksOrHTML("WWW.EXAMPLE.ORG shouts."))
    }

    func testPlainProseIsNotParsed() {
        let prose = [
            "",
            "Paragraph 1 about Software Engineers. AI tools are taking over *routine* work.\n",
            "# Title : l’analyse complète\n\nUn texte avec « guillemets », des deux-points : et un point-virgule ; voilà.",
            "A list:\n\n- one\n- two (with a parenthesis) and a www without a dot\n\n| a | b |\n|---|---|\n| 1 | 2 |\n",
            "Time 10:30, a ratio 3:1, a path a/b, an emoji ✨ and **strong** text.",
        ]
        for markdown in prose {
            XCTAssertFalse(MarkdownRenderer.mayHoldLinksOrHTML(markdown), markdown)
            XCTAssertEqual(renderer.inspect(markdown), MarkdownInspection(links: [], rawHTML: []), markdown)
        }
    }

    /// The scan reads eight bytes at a time: a form found in one word, or split between two, or
    /// in the bytes left after the last whole word, is found wherever it starts; prose that only
    /// comes close is still skipped.
    func testTheScanFindsEveryFormAtEveryOffset() {
        let filler = "Paragraph about roles, tasks and tools. Time 10:30; ww w.x"
        for form in ["[", "<", "@", "://", "www.", "WwW."] {
            for offset in 0..<20 {
                for tail in [0, 1, 5, 8, 13] {
                    let markdown = String(filler.prefix(offset)) + form + String(repeating: "z", count: tail)
                    XCTAssertTrue(MarkdownRenderer.mayHoldLinksOrHTML(markdown), markdown)
                }
            }
        }
        for length in 0...filler.utf8.count {
            XCTAssertFalse(MarkdownRenderer.mayHoldLinksOrHTML(String(filler.prefix(length))), String(filler.prefix(length)))
        }
        // A non-ASCII text whose bytes are none of the five.
        XCTAssertFalse(MarkdownRenderer.mayHoldLinksOrHTML(String(repeating: "é « analyse » — ✨ ", count: 20)))
    }

    /// The skip and the parse agree on texts made of pieces that come close to a link.
    func testSkipAgreesWithTheParser() {
        let pieces = ["word", ":", "/", "//", ".", "w", "ww", "www", "W", "@", "[", "]", "(", ")", "<", ">", " ", "\n", "!", "*"]
        for first in pieces {
            for second in pieces {
                for third in pieces {
                    let markdown = "a" + first + second + third + "b.c"
                    guard !MarkdownRenderer.mayHoldLinksOrHTML(markdown) else { continue }
                    XCTAssertEqual(renderer.parsedInspection(markdown), MarkdownInspection(links: [], rawHTML: []), markdown)
                }
            }
        }
    }
}
