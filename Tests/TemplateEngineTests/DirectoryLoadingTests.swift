import Foundation
import TemplateEngine
import XCTest

final class DirectoryLoadingTests: XCTestCase {
    private var root: URL!

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("TemplateEngineTests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: root)
    }

    private func write(_ path: String, _ text: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    /// The errors loading the folder reports, failing the test when it loads.
    private func folderErrors(displayPrefix: String, file: StaticString = #filePath, line: UInt = #line) -> [TemplateError] {
        loadErrors(file: file, line: line) { () throws(TemplateLoadError) in try TemplateSet(directory: root, displayPrefix: displayPrefix) }
    }

    func testNamesAreRelativePathsWithoutTheExtension() throws {
        try write("layouts/role.html", "{{<layouts/base}}{{/layouts/base}}")
        try write("layouts/base.html", "<main>{{>partials/deep/card}}</main>")
        try write("partials/deep/card.html", "{{title}}")
        try write("notes.txt", "{{ not a template")
        try write(".backup/layouts/role.html", "{{ not a template")
        try write("layouts/.role.html", "{{ not a template")
        let templates = try TemplateSet(directory: root, displayPrefix: "templates")
        XCTAssertEqual(templates.names, ["layouts/base", "layouts/role", "partials/deep/card"])
        XCTAssertEqual(try templates.render("layouts/role", ["title": "T"]), "<main>T</main>")
    }

    func testErrorsShowTheFileUnderTheDisplayPrefix() throws {
        let faq = (1...11).map { "<!-- line \($0) -->" }.joined(separator: "\n") + "\n<li>  {{role.faqs}}</li>\n"
        try write("partials/faq.html", faq)
        let templates = try TemplateSet(directory: root, displayPrefix: "templates")
        XCTAssertThrowsError(try templates.render("partials/faq", ["role": ["faq": []]])) { error in
            XCTAssertEqual((error as? TemplateError)?.description, "templates/partials/faq.html:12:7: error: unknown name `role.faqs` — did you mean `role.faq`?")
        }
    }

    func testEveryFileIsCheckedWhenLoading() throws {
        try write("a.html", "{{#x}}")
        try write("sub/b.html", "{{>c}}")
        XCTAssertEqual(folderErrors(displayPrefix: "site/templates").map(\.description), [
            "site/templates/a.html:1:1: error: section `x` is never closed",
            "site/templates/sub/b.html:1:1: error: unknown partial `c`",
        ])
    }

    func testOtherExtensions() throws {
        try write("page.mustache", "M")
        try write("page.html", "H")
        XCTAssertEqual(try TemplateSet(directory: root, fileExtension: "mustache", displayPrefix: "t").render("page", [:]), "M")
    }

    func testBOMAndCRLFDoNotShiftColumns() throws {
        try write("page.html", "\u{FEFF}{{#a}}\r\n  {{/b}}\r\n")
        XCTAssertEqual(folderErrors(displayPrefix: "t").map(\.rendered), [
            "t/page.html:2:3: error: closing tag `b` does not match the open section `a`\n      {{/b}}\n      ^",
        ])
    }

    func testMissingFolder() {
        XCTAssertThrowsError(try TemplateSet(directory: root.appendingPathComponent("nope"), displayPrefix: "templates")) { error in
            XCTAssertEqual((error as? TemplateLoadError)?.errors.map(\.description), ["templates: error: cannot read the template: no such folder"])
        }
    }
}

final class ReferenceTests: XCTestCase {
    func testEveryNameLookedUpIsListedWithItsPositionInOrder() throws {
        let templates = try TemplateSet(sources: [
            "b": "{{t.title}}\n  {{#role.tasks}}{{.}}{{/role.tasks}}{{^faq}}{{t.noFAQ}}{{/faq}}",
            "a": "{{>b}}{{<b}}{{$block}}{{{html}}}{{/block}}{{/b}} {{>*kind}} {{! comment }}",
        ])
        XCTAssertEqual(templates.references.map { "\($0.name) \($0.file):\($0.line):\($0.column)" }, [
            "html a:1:23", "kind a:1:50", "t.title b:1:1", "role.tasks b:2:3", ". b:2:18", "faq b:2:38", "t.noFAQ b:2:46",
        ])
        // Each with its line and the caret's place in it, for a caller's diagnostic.
        let noFAQ = templates.references.last!
        XCTAssertEqual(noFAQ.sourceLine, "  {{#role.tasks}}{{.}}{{/role.tasks}}{{^faq}}{{t.noFAQ}}{{/faq}}")
        XCTAssertEqual(noFAQ.caretColumn, 46)
    }
}

final class TemplateValueTests: XCTestCase {
    func testLiterals() {
        let value: TemplateValue = ["s": "x", "i": 1, "d": 1.5, "b": true, "n": nil, "a": [1, "2"]]
        XCTAssertEqual(value, .object(["s": .string("x"), "i": .int(1), "d": .double(1.5), "b": .bool(true), "n": .null, "a": .array([.int(1), .string("2")])]))
    }

    func testDuplicateKeysInALiteralKeepTheLastValue() {
        XCTAssertEqual(TemplateValue(dictionaryLiteral: ("k", 1), ("k", 2)), ["k": 2])
    }
}
