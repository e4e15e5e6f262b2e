import TemplateEngine
import XCTest

/// `references(reachableFrom:)`: what rendering one template can read, through its partials and
/// parents (a site formats only the strings a page can show).
final class ReachableReferencesTests: XCTestCase {
    func testReferencesFollowPartialsAndParentsTransitively() throws {
        let templates = try TemplateSet(sources: [
            "page": "{{<layout}}{{$main}}{{a}}{{>partials/p}}{{/main}}{{/layout}}",
            "layout": "{{b}}{{$main}}{{/main}}{{>partials/footer}}",
            "partials/p": "{{#c}}{{d}}{{/c}}",
            "partials/footer": "{{e}}",
            "other": "{{f}}{{>partials/p}}",
        ])
        XCTAssertEqual(templates.references(reachableFrom: "page")?.map(\.name).sorted(), ["a", "b", "c", "d", "e"])
        XCTAssertEqual(templates.references(reachableFrom: "other")?.map(\.name).sorted(), ["c", "d", "f"])
        XCTAssertEqual(templates.references(reachableFrom: "partials/footer")?.map(\.name), ["e"])
    }

    /// A partial named by the data could be any template: nothing can be left out.
    func testADynamicPartialMakesTheAnswerUnknown() throws {
        let templates = try TemplateSet(sources: [
            "page": "{{a}}{{>partials/p}}",
            "partials/p": "{{#sections}}{{>*partial}}{{/sections}}",
            "section": "{{b}}",
        ])
        XCTAssertNil(templates.references(reachableFrom: "page"))
        XCTAssertEqual(templates.references(reachableFrom: "section")?.map(\.name), ["b"])
    }

    /// A cycle of partials (allowed: sections end it at run time) is followed once.
    func testRecursivePartialsAreReadOnce() throws {
        let templates = try TemplateSet(sources: ["tree": "{{name}}{{#children}}{{>tree}}{{/children}}"])
        XCTAssertEqual(templates.references(reachableFrom: "tree")?.map(\.name), ["name", "children"])
    }
}
