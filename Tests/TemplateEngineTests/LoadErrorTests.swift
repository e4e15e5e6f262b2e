import TemplateEngine
import XCTest

/// Mistakes found while loading: each with file, line and column, the source line and a caret;
/// every error of every file, not just the first.
final class LoadErrorTests: XCTestCase {
    func testUnclosedSection() {
        XCTAssertEqual(loadErrors(["page": "<ul>\n  {{#items}}\n</ul>"]).map(\.description), ["page:2:3: error: section `items` is never closed"])
    }

    func testMismatchedAndUnexpectedClosingTags() {
        let errors = loadErrors(["page": "{{#a}}\n{{^b}}\n{{/a}}\n{{/b}}\n"])
        XCTAssertEqual(errors.map(\.description), [
            "page:3:1: error: closing tag `a` does not match the open section `b`",
            "page:4:1: error: closing tag `b` has no open section",
        ])
        XCTAssertEqual(errors.map(\.kind), [.mismatchedSectionClose(expected: "b", found: "a"), .unexpectedSectionClose("b")])
    }

    func testAMisspeltClosingTagClosesTheInnermostSection() {
        XCTAssertEqual(loadErrors(["page": "{{#role}}\n{{#faq}}{{/faq}}\n{{/rol}}\n"]).map(\.description), [
            "page:3:1: error: closing tag `rol` does not match the open section `role`",
        ])
    }

    func testUnknownPartialAndParentWithSuggestions() {
        let errors = loadErrors(["page": "{{>partials/fqa}}\n{{<layouts/bse}}{{/layouts/bse}}", "partials/faq": "", "layouts/base": ""])
        XCTAssertEqual(errors.map(\.description), [
            "page:1:1: error: unknown partial `partials/fqa` — did you mean `partials/faq`?",
            "page:2:1: error: unknown parent template `layouts/bse` — did you mean `layouts/base`?",
        ])
    }

    func testBadSetDelimiters() {
        XCTAssertEqual(loadErrors(["page": "{{=<% %>}} {{= x =}}"]).map(\.description), [
            "page:1:1: error: invalid set-delimiters tag `=<% %>`: expected two delimiters separated by a space, as in `{{=<% %>=}}`",
            "page:1:12: error: invalid set-delimiters tag `= x =`: expected two delimiters separated by a space, as in `{{=<% %>=}}`",
        ])
    }

    func testUnterminatedTags() {
        XCTAssertEqual(loadErrors(["page": "<p>{{name</p>\n<p>{{{html}}</p>\n<p>{{ok}}</p>\n<p>{{rest"]).map(\.description), [
            "page:1:4: error: unterminated tag: no closing `}}`",
            "page:2:4: error: unterminated tag: no closing `}}}`",
            "page:4:4: error: unterminated tag: no closing `}}`",
        ])
    }

    func testEmptyTagsAndInvalidNames() {
        XCTAssertEqual(loadErrors(["page": "{{}} {{# }}\n{{a b}} {{a..b}} {{.a}}\n{{/}}"]).map(\.description), [
            "page:1:1: error: empty tag: a tag needs a name",
            "page:1:6: error: empty tag: a tag needs a name",
            "page:2:1: error: invalid name `a b`: a name is a key or a dotted path such as `role.title`, without spaces",
            "page:2:9: error: invalid name `a..b`: a name is a key or a dotted path such as `role.title`, without spaces",
            "page:2:18: error: invalid name `.a`: a name is a key or a dotted path such as `role.title`, without spaces",
            "page:3:1: error: empty tag: a tag needs a name",
        ])
    }

    func testOnlyBlocksAndCommentsGoDirectlyInsideAParent() {
        let errors = loadErrors(["page": "{{<layout}}\n{{title}}\n{{! fine }}\n{{$b}}{{x}}{{/b}}\n{{/layout}}", "layout": ""])
        XCTAssertEqual(errors.map(\.description), ["page:2:1: error: `{{title}}` cannot stand directly inside parent `layout`: only blocks (`$` tags) and comments can"])
    }

    func testEveryFileAndEveryErrorIsReportedInOrder() {
        let errors = loadErrors(["b": "{{#x}}\n{{>nope}}", "a": "ok\n{{/y}} {{}}", "c": "fine"])
        XCTAssertEqual(errors.map(\.description), [
            "a:2:1: error: closing tag `y` has no open section",
            "a:2:8: error: empty tag: a tag needs a name",
            "b:1:1: error: section `x` is never closed",
            "b:2:1: error: unknown partial `nope`",
        ])
    }

    func testRenderedFormQuotesTheLineWithACaretAndKeepsTabs() {
        let error = loadErrors(["page": "<ul>\n\t<li>{{#item}}</li>\n</ul>"])[0]
        XCTAssertEqual(error.rendered, "page:2:6: error: section `item` is never closed\n    \t<li>{{#item}}</li>\n    \t    ^")
    }

    func testColumnsCountCharactersNotBytes() {
        XCTAssertEqual(loadErrors(["page": "Résumé — {{#x}}"]).map(\.description), ["page:1:10: error: section `x` is never closed"])
    }

    func testLoadErrorDescriptionListsEveryError() {
        do {
            _ = try TemplateSet(sources: ["page": "{{#a}} {{/b}} {{/c}}"])
            XCTFail("expected load errors")
        } catch {
            XCTAssertEqual(error.description, """
                page:1:8: error: closing tag `b` does not match the open section `a`
                    {{#a}} {{/b}} {{/c}}
                           ^
                page:1:15: error: closing tag `c` has no open section
                    {{#a}} {{/b}} {{/c}}
                                  ^
                """)
        }
    }

    func testNonStrictModeAllowsMissingTemplatesButNotSyntaxErrors() throws {
        XCTAssertNoThrow(try TemplateSet(sources: ["page": "{{>missing}}"], strict: false))
        XCTAssertEqual(loadErrors(["page": "{{#a}}"], strict: false).map(\.kind), [.unclosedSection("a")])
    }
}
