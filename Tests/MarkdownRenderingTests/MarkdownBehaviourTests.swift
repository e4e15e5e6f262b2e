import MarkdownRendering
import XCTest

/// What the site relies on, in our own words: each GFM feature the prose uses, the safety
/// defaults, and the heading offset.
final class MarkdownBehaviourTests: XCTestCase {
    private let renderer = MarkdownRenderer()

    func testParagraphsAndEmphasis() {
        XCTAssertEqual(renderer.html("Hello *world* and **you**."),
                       "<p>Hello <em>world</em> and <strong>you</strong>.</p>\n")
    }

    func testEmptyInputGivesEmptyOutput() {
        XCTAssertEqual(renderer.html(""), "")
        XCTAssertEqual(renderer.html("\n\n   \n"), "")
    }

    func testTable() {
        let markdown = """
        | Task | Risk |
        | :--- | ---: |
        | CRUD | 80 |
        """
        XCTAssertEqual(renderer.html(markdown), """
        <table>
        <thead>
        <tr>
        <th style="text-align: left">Task</th>
        <th style="text-align: right">Risk</th>
        </tr>
        </thead>
        <tbody>
        <tr>
        <td style="text-align: left">CRUD</td>
        <td style="text-align: right">80</td>
        </tr>
        </tbody>
        </table>

        """)
    }

    func testStrikethrough() {
        XCTAssertEqual(renderer.html("~~gone~~ and ~also~"), "<p><del>gone</del> and <del>also</del></p>\n")
    }

    func testAutolinks() {
        XCTAssertEqual(renderer.html("See www.example.com and https://example.org/a?b=1."),
                       "<p>See <a href=\"http://www.example.com\">www.example.com</a> and "
                           + "<a href=\"https://example.org/a?b=1\">https://example.org/a?b=1</a>.</p>\n")
        XCTAssertEqual(renderer.html("Mail me@example.com"),
                       "<p>Mail <a href=\"mailto:me@example.com\">me@example.com</a></p>\n")
    }

    func testTaskList() {
        XCTAssertEqual(renderer.html("- [ ] todo\n- [x] done\n"), """
        <ul>
        <li><input type="checkbox" disabled="" /> todo</li>
        <li><input type="checkbox" checked="" disabled="" /> done</li>
        </ul>

        """)
    }

    func testFootnotes() {
        let html = renderer.html("Claim[^1].\n\n[^1]: Source.\n")
        XCTAssertEqual(html, """
        <p>Claim<sup class="footnote-ref"><a href="#fn-1" id="fnref-1" data-footnote-ref>1</a></sup>.</p>
        <section class="footnotes" data-footnotes>
        <ol>
        <li id="fn-1">
        <p>Source. <a href="#fnref-1" class="footnote-backref" data-footnote-backref aria-label="Back to content">↩</a></p>
        </li>
        </ol>
        </section>

        """)
    }

    func testHeadingOffsetShiftsAndClampsLevels() {
        let markdown = "# One\n\n## Two\n\n###### Six\n\n> # Quoted\n"
        XCTAssertEqual(MarkdownRenderer(headingOffset: 1).html(markdown), """
        <h2>One</h2>
        <h3>Two</h3>
        <h6>Six</h6>
        <blockquote>
        <h2>Quoted</h2>
        </blockquote>

        """)
        XCTAssertEqual(MarkdownRenderer(headingOffset: 10).html("# One\n"), "<h6>One</h6>\n")
        XCTAssertEqual(MarkdownRenderer(headingOffset: -3).html("## Two\n"), "<h1>Two</h1>\n")
        XCTAssertEqual(MarkdownRenderer(headingOffset: Int.max).html("# One\n"), "<h6>One</h6>\n")
        XCTAssertEqual(renderer.html("## Two\n"), "<h2>Two</h2>\n")
    }

    func testRawHTMLIsOmittedByDefault() {
        XCTAssertEqual(renderer.html("<div class=\"x\">hi</div>\n\nText <b>bold</b>."),
                       "<!-- raw HTML omitted -->\n<p>Text <!-- raw HTML omitted -->bold<!-- raw HTML omitted -->.</p>\n")
    }

    func testRawHTMLPassesWhenAllowed() {
        let renderer = MarkdownRenderer(allowRawHTML: true)
        XCTAssertEqual(renderer.html("<div class=\"x\">hi</div>\n\nText <b>bold</b>."),
                       "<div class=\"x\">hi</div>\n<p>Text <b>bold</b>.</p>\n")
    }

    func testTagfilterDefusesScriptEvenWhenRawHTMLIsAllowed() {
        let renderer = MarkdownRenderer(allowRawHTML: true)
        XCTAssertEqual(renderer.html("<script>alert(1)</script>\n\nA <iframe src=\"x\"></iframe> b"),
                       "&lt;script>alert(1)&lt;/script>\n<p>A &lt;iframe src=\"x\">&lt;/iframe> b</p>\n")
    }

    func testTagfilterNeedsItsExtensionAttached() {
        let withoutTagfilter = MarkdownRenderer(extensions: [.table], options: .unsafe)
        XCTAssertEqual(withoutTagfilter.html("<script>x</script>\n"), "<script>x</script>\n")
    }

    func testJavascriptLinksAreEmptied() {
        XCTAssertEqual(renderer.html("[click](javascript:alert(1)) and <javascript:alert(2)>"),
                       "<p><a href=\"\">click</a> and <a href=\"\">javascript:alert(2)</a></p>\n")
        XCTAssertEqual(renderer.html("![x](vbscript:run)"), "<p><img src=\"\" alt=\"x\" /></p>\n")
    }

    func testEmbeddedNULBecomesReplacementCharacterAndDoesNotCutTheText() {
        XCTAssertEqual(renderer.html("before\u{0}after\n\nsecond"),
                       "<p>before\u{FFFD}after</p>\n<p>second</p>\n")
    }

    func testPathologicalInputsRender() {
        let quotes = renderer.html(String(repeating: "> ", count: 2000) + "deep")
        XCTAssertTrue(quotes.hasPrefix("<blockquote>\n<blockquote>"))
        XCTAssertTrue(quotes.contains("<p>deep</p>"))
        let stars = String(repeating: "*a ", count: 5000)
        XCTAssertEqual(renderer.html(stars), "<p>\(stars.dropLast())</p>\n")
        let brackets = String(repeating: "[", count: 5000)
        XCTAssertEqual(renderer.html(brackets), "<p>\(brackets)</p>\n")
        XCTAssertEqual(renderer.html("\u{0}"), "<p>\u{FFFD}</p>\n")
    }

    func testNonASCIITextAndEntities() {
        XCTAssertEqual(renderer.html("Café « déjà » 🍄 &amp; &copy; <3"),
                       "<p>Café « déjà » 🍄 &amp; © &lt;3</p>\n")
    }

    func testCRLFAndBOMInput() {
        XCTAssertEqual(renderer.html("\u{FEFF}# Title\r\n\r\nLine one\r\nline two\r\n"),
                       "<h1>Title</h1>\n<p>Line one\nline two</p>\n")
    }

    func testExtensionsAreDeduplicatedAndCanonicallyOrdered() {
        let renderer = MarkdownRenderer(extensions: [.tagfilter, .table, .table], options: [])
        XCTAssertEqual(renderer.extensions, [.table, .tagfilter])
        XCTAssertEqual(MarkdownRenderer().extensions, MarkdownRenderer.Extension.allCases)
        XCTAssertEqual(MarkdownRenderer().options, [.footnotes, .tablePreferStyleAttributes])
        XCTAssertEqual(MarkdownRenderer(allowRawHTML: true).options, [.footnotes, .tablePreferStyleAttributes, .unsafe])
    }

    func testWithoutExtensionsStrikethroughAndTablesAreText() {
        let plain = MarkdownRenderer(extensions: [], options: [])
        XCTAssertEqual(plain.html("~~a~~ www.example.com"), "<p>~~a~~ www.example.com</p>\n")
    }
}
