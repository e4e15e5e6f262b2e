import TemplateEngine
import XCTest

final class SectionTests: XCTestCase {
    /// Only null, false and the empty array are falsey.
    func testTruthiness() throws {
        let data: TemplateValue = ["null": nil, "false": false, "empty": [], "emptyString": "", "zero": 0, "emptyObject": [:], "true": true]
        let template = "{{#null}}N{{/null}}{{#false}}F{{/false}}{{#empty}}E{{/empty}}{{#emptyString}}s{{/emptyString}}{{#zero}}z{{/zero}}{{#emptyObject}}o{{/emptyObject}}{{#true}}t{{/true}}"
        XCTAssertEqual(try render(template, data), "szot")
        XCTAssertEqual(try render(template.replacingOccurrences(of: "#", with: "^"), data), "NFE")
    }

    func testArraysRepeatTheSectionWithEachItemOnTop() throws {
        let data: TemplateValue = ["faq": [["q": "Why?", "a": "Because."], ["q": "How?", "a": "Like this."]]]
        XCTAssertEqual(try render("{{#faq}}[{{q}} {{a}}]{{/faq}}", data), "[Why? Because.][How? Like this.]")
    }

    func testObjectsArePushedAndOuterNamesStayVisible() throws {
        let data: TemplateValue = ["role": ["title": "Backend Developer"], "site": "Will AI replace me?"]
        XCTAssertEqual(try render("{{#role}}{{title}} · {{site}}{{/role}}", data), "Backend Developer · Will AI replace me?")
    }

    func testInvertedSectionRendersWhenFalsey() throws {
        XCTAssertEqual(try render("{{^related}}No related roles.{{/related}}", ["related": []]), "No related roles.")
        XCTAssertEqual(try render("{{^related}}No related roles.{{/related}}", ["related": ["x"]]), "")
    }

    func testStandaloneSectionLinesDisappear() throws {
        let template = "<ul>\n  {{#items}}\n  <li>{{.}}</li>\n  {{/items}}\n</ul>\n"
        XCTAssertEqual(try render(template, ["items": ["a", "b"]]), "<ul>\n  <li>a</li>\n  <li>b</li>\n</ul>\n")
    }

    func testNestedSectionsOverArrays() throws {
        let data: TemplateValue = ["phases": [["title": "One", "steps": ["a", "b"]], ["title": "Two", "steps": ["c"]]]]
        XCTAssertEqual(try render("{{#phases}}{{title}}:{{#steps}} {{.}}{{/steps}};{{/phases}}", data), "One: a b;Two: c;")
    }

    func testDottedSectionNames() throws {
        XCTAssertEqual(try render("{{#role.salary}}{{median}}{{/role.salary}}", ["role": ["salary": ["median": 1]]]), "1")
    }
}
