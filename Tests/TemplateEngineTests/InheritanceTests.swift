import TemplateEngine
import XCTest

final class InheritanceTests: XCTestCase {
    let layout = """
        <html>
          <head>
            <title>{{$title}}Default title{{/title}}</title>
          </head>
          <body>
            {{$content}}
            <p>Nothing yet.</p>
            {{/content}}
          </body>
        </html>

        """

    func testPageOverridesTheLayoutsBlocks() throws {
        let page = """
            {{<layouts/base}}
            {{$title}}{{role}} · Site{{/title}}
            {{$content}}
            <h1>{{role}}</h1>
            <p>Intro</p>
            {{/content}}
            {{/layouts/base}}

            """
        let expected = """
            <html>
              <head>
                <title>Backend Developer · Site</title>
              </head>
              <body>
                <h1>Backend Developer</h1>
                <p>Intro</p>
              </body>
            </html>

            """
        XCTAssertEqual(try render(page, ["role": "Backend Developer"], partials: ["layouts/base": layout]), expected)
    }

    func testBlocksNotOverriddenKeepTheirDefault() throws {
        let output = try render("{{<layouts/base}}{{/layouts/base}}", partials: ["layouts/base": layout])
        XCTAssertTrue(output.contains("<title>Default title</title>"))
        XCTAssertTrue(output.contains("\n    <p>Nothing yet.</p>\n"))
    }

    /// An override's lines lose their own indentation and get that of the block they replace;
    /// partials inside it are indented to match.
    func testOverridesAreReindentedWhereTheBlockIs() throws {
        let page = "{{<layouts/base}}\n  {{$content}}\n      <main>\n        {{>hero}}\n      </main>\n  {{/content}}\n{{/layouts/base}}\n"
        let output = try render(page, partials: ["layouts/base": layout, "hero": "<h1>\n  Hi\n</h1>\n"])
        XCTAssertTrue(output.contains("  <body>\n    <main>\n      <h1>\n        Hi\n      </h1>\n    </main>\n  </body>\n"), output)
    }

    func testTheOutermostOverrideWins() throws {
        let partials = ["base": "<{{$a}}base{{/a}}>", "middle": "{{<base}}{{$a}}middle{{/a}}{{/base}}"]
        XCTAssertEqual(try render("{{<middle}}{{$a}}page{{/a}}{{/middle}}", partials: partials), "<page>")
        XCTAssertEqual(try render("{{<middle}}{{/middle}}", partials: partials), "<middle>")
    }

    func testBlocksInPartialsOfTheLayoutCanBeOverriddenByThePage() throws {
        let partials = ["layout": "<main>{{>footer}}</main>", "footer": "<footer>{{$note}}default{{/note}}</footer>"]
        XCTAssertEqual(try render("{{<layout}}{{$note}}page note{{/note}}{{/layout}}", partials: partials), "<main><footer>page note</footer></main>")
    }

    func testOverridesRenderInTheContextOfTheBlock() throws {
        let partials = ["list": "{{#items}}{{$item}}{{.}}{{/item}},{{/items}}"]
        XCTAssertEqual(try render("{{<list}}{{$item}}<{{.}}>{{/item}}{{/list}}", ["items": ["a", "b"]], partials: partials), "<a>,<b>,")
    }

    /// Found by the fuzz test: an override holding a block of its own name used to expand itself
    /// forever.
    func testABlockInsideItsOwnOverrideShowsItsDefault() throws {
        XCTAssertEqual(try render("{{<p}}{{$b}}[{{$b}}inner{{/b}}]{{/b}}{{/p}}", partials: ["p": "<{{$b}}d{{/b}}>"]), "<[inner]>")
    }

    func testTextInsideAParentTagIsIgnored() throws {
        XCTAssertEqual(try render("{{<p}} ignored {{! comment }} {{$b}}B{{/b}} ignored {{/p}}", partials: ["p": "[{{$b}}{{/b}}]"]), "[B]")
    }

    func testParentsCanBeChosenByTheData() throws {
        let partials = ["layouts/a": "A({{$x}}{{/x}})", "layouts/b": "B({{$x}}{{/x}})"]
        XCTAssertEqual(try render("{{<*layout}}{{$x}}x{{/x}}{{/*layout}}", ["layout": "layouts/b"], partials: partials), "B(x)")
    }
}
