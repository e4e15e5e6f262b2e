import TemplateEngine
import XCTest

final class InterpolationTests: XCTestCase {
    func testStringsAreHTMLEscaped() throws {
        XCTAssertEqual(try render("{{s}}", ["s": #"<a href="x">Tom & Jerry's</a>"#]), "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;")
    }

    /// Markup a caller escapes with `HTMLEscaping` and shows with `{{{ }}}` is byte for byte
    /// what `{{ }}` makes of the text.
    func testHTMLEscapingIsTheEscapeOfDoubleBraces() throws {
        let text = #"<a href="x">Tom & Jerry's</a> — 5 € 😀"#
        XCTAssertEqual(try render("{{{s}}}", ["s": .string(HTMLEscaping.escape(text))]), try render("{{s}}", ["s": .string(text)]))
        XCTAssertEqual(HTMLEscaping.escape("it's <b>"), "it&#39;s &lt;b&gt;")
    }

    func testTripleMustacheAndAmpersandAreNotEscaped() throws {
        XCTAssertEqual(try render("{{{s}}}|{{&s}}", ["s": "<b>&'</b>"]), "<b>&'</b>|<b>&'</b>")
    }

    func testEscapingLeavesMultiByteCharactersAlone() throws {
        XCTAssertEqual(try render("{{s}}", ["s": "Développeur « back-end » — 5 € & ñ 😀"]), "Développeur « back-end » — 5 € &amp; ñ 😀")
    }

    func testNumbersBooleansAndNull() throws {
        let data: TemplateValue = ["int": 42, "negative": -7, "decimal": 1.21, "whole": 1.0, "big": 1e21, "yes": true, "no": false, "none": nil]
        XCTAssertEqual(try render("{{int}} {{negative}} {{decimal}} {{whole}} {{big}} {{yes}} {{no}} [{{none}}]", data), "42 -7 1.21 1.0 1e+21 true false []")
    }

    func testDottedNamesAndImplicitIterator() throws {
        let data: TemplateValue = ["role": ["title": "Backend Developer", "salary": ["median": 128_000]], "tags": ["a", "b"]]
        XCTAssertEqual(try render("{{role.title}} {{role.salary.median}} {{#tags}}<{{.}}>{{/tags}}", data), "Backend Developer 128000 <a><b>")
    }

    func testPaddingInsideTagsIsIgnored() throws {
        XCTAssertEqual(try render("{{ name }}|{{{ name }}}|{{& name }}", ["name": "x"]), "x|x|x")
    }

    func testInterpolationTagsNeverStandAlone() throws {
        XCTAssertEqual(try render("a\n  {{x}}\nb", ["x": ""]), "a\n  \nb")
    }

    func testRenderBytesIsTheUTF8OfRender() throws {
        let templates = try TemplateSet(sources: ["page": "é {{x}}"])
        XCTAssertEqual(try templates.renderBytes("page", ["x": "ü"]), Array("é ü".utf8))
    }

    func testCRLFLineEndingsArePreserved() throws {
        XCTAssertEqual(try render("a\r\n{{#x}}\r\nb\r\n{{/x}}\r\nc", ["x": true]), "a\r\nb\r\nc")
    }

    func testByteOrderMarkIsNotOutput() throws {
        XCTAssertEqual(try render("\u{FEFF}{{x}}", ["x": "y"]), "y")
    }

    func testSetDelimiters() throws {
        XCTAssertEqual(try render("{{=<% %>=}}<%x%> {{x}} <%={{ }}=%>{{x}}", ["x": "1"]), "1 {{x}} 1")
    }

    func testCommentsPrintNothing() throws {
        XCTAssertEqual(try render("a{{! a comment\nover lines }}b\n  {{! standalone }}\nc"), "ab\nc")
    }
}
