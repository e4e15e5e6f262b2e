import TemplateEngine
import XCTest

final class PartialTests: XCTestCase {
    func testPartialsAreNamedByTheirPathAndSeeTheContext() throws {
        let output = try render("{{#role}}{{>partials/hero}}{{/role}}", ["role": ["title": "Backend Developer"]], partials: ["partials/hero": "<h1>{{title}}</h1>"])
        XCTAssertEqual(output, "<h1>Backend Developer</h1>")
    }

    /// A standalone partial's indentation goes before every line of the partial's source,
    /// including the lines of its sections each time they repeat.
    func testStandalonePartialIsIndentedLineByLine() throws {
        let partial = "<ul>\n  {{#items}}\n  <li>{{.}}</li>\n  {{/items}}\n</ul>\n"
        let output = try render("<nav>\n    {{>list}}\n</nav>\n", ["items": ["a", "b"]], partials: ["list": partial])
        XCTAssertEqual(output, "<nav>\n    <ul>\n      <li>a</li>\n      <li>b</li>\n    </ul>\n</nav>\n")
    }

    /// Only the partial's own lines are indented: interpolated text keeps its line breaks as they are.
    func testIndentationDoesNotTouchInterpolatedText() throws {
        XCTAssertEqual(try render("  {{>p}}\n", ["text": "one\ntwo"], partials: ["p": "<p>{{text}}</p>\n"]), "  <p>one\ntwo</p>\n")
    }

    func testBlankLinesOfAnIndentedPartialGetNoTrailingSpaces() throws {
        XCTAssertEqual(try render("  {{>p}}\n", partials: ["p": "a\n\nb\n"]), "  a\n\n  b\n")
    }

    func testIndentationAddsUpThroughNestedPartials() throws {
        let output = try render("  {{>outer}}\n", partials: ["outer": "<div>\n  {{>inner}}\n</div>\n", "inner": "<p>\nx\n</p>\n"])
        XCTAssertEqual(output, "  <div>\n    <p>\n    x\n    </p>\n  </div>\n")
    }

    func testInlinePartialIsNotIndented() throws {
        XCTAssertEqual(try render("  <b>{{>p}}</b>\n", partials: ["p": "a\nb"]), "  <b>a\nb</b>\n")
    }

    func testRecursivePartialEndsWithTheData() throws {
        let data: TemplateValue = ["name": "root", "children": [["name": "leaf", "children": []]]]
        XCTAssertEqual(try render("{{>node}}", data, partials: ["node": "{{name}}({{#children}}{{>node}}{{/children}})"]), "root(leaf())")
    }

    func testDynamicPartialNamesComeFromTheData() throws {
        let data: TemplateValue = ["blocks": [["kind": "partials/text", "text": "Hi"], ["kind": "partials/image", "src": "a.png"]]]
        let partials = ["partials/text": "<p>{{text}}</p>", "partials/image": "<img src=\"{{src}}\">"]
        XCTAssertEqual(try render("{{#blocks}}{{>*kind}}{{/blocks}}", data, partials: partials), "<p>Hi</p><img src=\"a.png\">")
    }

    func testDynamicNameHoldingNullRendersNothing() throws {
        XCTAssertEqual(try render("[{{>*kind}}]", ["kind": nil]), "[]")
    }

    func testMissingPartialRendersNothingInNonStrictMode() throws {
        XCTAssertEqual(try render("[{{>missing}}][{{<missing}}{{/missing}}][{{>*kind}}]", ["kind": "missing"], strict: false), "[][][]")
    }
}
