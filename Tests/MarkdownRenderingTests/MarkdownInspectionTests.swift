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
