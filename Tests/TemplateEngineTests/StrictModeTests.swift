import TemplateEngine
import XCTest

/// Strict mode (the default): a name that resolves to nothing is an error, reported like a
/// compiler would, with a suggestion from the keys visible at that point.
final class StrictModeTests: XCTestCase {
    func testUnknownNameInADottedPathNamesTheFullPathAndSuggestsAKey() throws {
        let faq = "<section>\n{{#role}}\n  <h2>{{ role.faqs }}</h2>\n{{/role}}\n</section>\n"
        let templates = try TemplateSet(sources: ["partials/faq": faq])
        XCTAssertThrowsError(try templates.render("partials/faq", ["role": ["faq": [], "title": "Backend Developer"]])) { error in
            let error = error as! TemplateError
            XCTAssertEqual(error.kind, .unknownName("role.faqs", suggestion: "role.faq"))
            XCTAssertEqual(error.rendered, """
                partials/faq:3:7: error: unknown name `role.faqs` — did you mean `role.faq`?
                      <h2>{{ role.faqs }}</h2>
                          ^
                """)
        }
    }

    /// Every mistake of one render, in every template it includes, rather than the first.
    func testRenderCollectingErrorsFindsTheMistakesOfEveryPartial() throws {
        let templates = try TemplateSet(sources: [
            "page": "<h1>{{titel}}</h1>{{>a}}{{>b}}{{#lsit}}{{never}}{{/lsit}}",
            "a": "<p>{{role.nmae}}</p>",
            "b": "<p>{{role.title}} {{role}}</p>",
        ])
        let (bytes, errors) = try templates.renderCollectingErrors("page", ["title": "T", "list": [], "role": ["name": "N", "title": "R"]])
        XCTAssertEqual(errors.map(\.description), [
            "page:1:5: error: unknown name `titel` — did you mean `title`?",
            "a:1:4: error: unknown name `role.nmae` — did you mean `role.name`?",
            "b:1:19: error: `role` is an object and cannot be interpolated: use a section (`#`) to go through it",
            "page:1:31: error: unknown name `lsit` — did you mean `list`?",
        ])
        XCTAssertEqual(String(decoding: bytes, as: UTF8.self), "<h1></h1><p></p><p>R </p>")
    }

    /// The bytes read in place are those the array holds, the mistakes the same, also for a page
    /// larger than the renderer's first buffer (which is grown on the way).
    func testRenderInPlaceGivesTheBytesAndMistakesOfRenderCollectingErrors() throws {
        let templates = try TemplateSet(sources: ["page": "<h1>{{titel}}</h1>{{#items}}<li>{{.}} &amp; {{name}}</li>{{/items}}"])
        let data: TemplateValue = ["title": "T", "name": "<Ops>", "items": .array((0..<4_000).map { .string("item \($0)") })]
        let (bytes, errors) = try templates.renderCollectingErrors("page", data)
        let inPlace = try templates.renderInPlace("page", data)
        XCTAssertGreaterThan(inPlace.count, 64 * 1024)
        XCTAssertEqual(inPlace.withUnsafeBytes { Array($0) }, bytes)
        XCTAssertEqual(inPlace.errors.map(\.description), errors.map(\.description))
        XCTAssertEqual(errors.map(\.description), ["page:1:5: error: unknown name `titel` — did you mean `title`?"])
        XCTAssertTrue(String(decoding: bytes, as: UTF8.self).hasSuffix("<li>item 3999 &amp; &lt;Ops&gt;</li>"))
    }

    /// A template with a syntax error is reported and compiled empty: the others still render.
    func testCompilingAllKeepsTheTemplatesWithoutMistakes() throws {
        let (templates, errors) = TemplateSet.compilingAll([
            TemplateFile(name: "page", displayName: "page.html", bytes: Array("<main>{{>broken}}{{>fine}}</main>".utf8)),
            TemplateFile(name: "broken", displayName: "broken.html", bytes: Array("{{#open}}".utf8)),
            TemplateFile(name: "fine", displayName: "fine.html", bytes: Array("ok".utf8)),
        ])
        XCTAssertEqual(errors.map(\.description), ["broken.html:1:1: error: section `open` is never closed"])
        XCTAssertEqual(try templates.render("page", [:]), "<main>ok</main>")
    }

    func testUnknownFirstKeySuggestsFromEveryObjectInTheContextStack() throws {
        let error = try renderError("{{#role}}{{sit}}{{/role}}", ["site": "S", "role": ["title": "T"]])
        XCTAssertError(error, "page:1:10: error: unknown name `sit` — did you mean `site`?")
    }

    func testNoSuggestionWhenNothingIsClose() throws {
        XCTAssertError(try renderError("{{salary}}", ["title": "T"]), "page:1:1: error: unknown name `salary`")
    }

    func testReplacingTheWholeNameIsNoSuggestion() throws {
        XCTAssertEqual(try renderError("{{c}}", ["a": 1]).kind, .unknownName("c", suggestion: nil))
    }

    func testEqualSuggestionsAreBrokenAlphabetically() throws {
        XCTAssertEqual(try renderError("{{cat}}", ["hat": 1, "bat": 2, "rat": 3]).kind, .unknownName("cat", suggestion: "bat"))
    }

    func testSectionsAndInvertedSectionsAreCheckedToo() throws {
        XCTAssertError(try renderError("{{#itmes}}{{/itmes}}", ["items": []]), "page:1:1: error: unknown name `itmes` — did you mean `items`?")
        XCTAssertError(try renderError("{{^itmes}}{{/itmes}}", ["items": []]), "page:1:1: error: unknown name `itmes` — did you mean `items`?")
    }

    /// Optional data is written as null: present, falsey, printed as nothing.
    func testNullIsPresentAndFalsey() throws {
        let data: TemplateValue = ["subtitle": nil, "salary": nil]
        XCTAssertEqual(try render("[{{subtitle}}]{{#subtitle}}x{{/subtitle}}{{^subtitle}}none{{/subtitle}}[{{salary.median}}]", data), "[]none[]")
    }

    func testLookingIntoAValueThatIsNotAnObject() throws {
        XCTAssertError(try renderError("{{role.title.text}}", ["role": ["title": "T"]]), "page:1:1: error: cannot look up `role.title.text`: `role.title` is a string, not an object")
    }

    func testArraysAndObjectsCannotBeInterpolated() throws {
        XCTAssertError(try renderError("{{tasks}}", ["tasks": ["a"]]), "page:1:1: error: `tasks` is an array and cannot be interpolated: use a section (`#`) to go through it")
        XCTAssertError(try renderError("{{#tasks}}{{.}}{{/tasks}}", ["tasks": [["a": 1]]]), "page:1:11: error: `.` is an object and cannot be interpolated: use a section (`#`) to go through it")
    }

    func testNonStrictModeFollowsTheSpec() throws {
        let output = try render("[{{missing}}|{{a.b}}|{{list}}|{{#missing}}x{{/missing}}{{^missing}}y{{/missing}}]", ["a": "s", "list": [1]], strict: false)
        XCTAssertEqual(output, "[|||y]")
    }

    func testDynamicNameMustHoldAString() throws {
        XCTAssertError(try renderError("{{>*kind}}", ["kind": 3]), "page:1:1: error: dynamic template name `kind` is an integer, not a string")
    }

    func testDynamicNameOfAMissingTemplate() throws {
        XCTAssertError(try renderError("{{>*kind}}", ["kind": "crad"], partials: ["card": "C"]), "page:1:1: error: unknown partial `crad` — did you mean `card`?")
        XCTAssertError(try renderError("{{<*kind}}{{/*kind}}", ["kind": "crad"], partials: ["card": "C"]), "page:1:1: error: unknown parent template `crad` — did you mean `card`?")
    }

    func testUnknownTemplateToRender() throws {
        let templates = try TemplateSet(sources: ["layouts/role": "x"])
        XCTAssertThrowsError(try templates.render("layouts/rol", [:])) { error in
            XCTAssertEqual(error as? TemplateError, TemplateError(kind: .unknownTemplate("layouts/rol", suggestion: "layouts/role"), file: "", line: 0, column: 0, sourceLine: ""))
            XCTAssertEqual((error as? TemplateError)?.rendered, "error: unknown template `layouts/rol` — did you mean `layouts/role`?")
        }
    }

    func testEndlessSelfInclusionIsAnError() throws {
        XCTAssertError(try renderError("{{>loop}}", partials: ["loop": "x{{>loop}}"]), "loop:1:2: error: template `loop` is nested more than 100 levels deep: does it include itself without an end?")
    }

    func testRenderingFromManyTasksAtOnce() async throws {
        let templates = try TemplateSet(sources: ["page": "{{#items}}<{{.}}>{{/items}}\n  {{>p}}\n", "p": "a\nb\n"])
        let expected = try templates.render("page", ["items": [1, 2, 3]])
        try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<64 {
                group.addTask { try templates.render("page", ["items": [1, 2, 3]]) }
            }
            for try await output in group {
                XCTAssertEqual(output, expected)
            }
        }
    }
}
