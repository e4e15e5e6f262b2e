import Foundation
import Synchronization
import TemplateEngine
import XCTest

/// Hostile or broken templates give positioned errors of a bounded size, never a crash: nesting
/// has a limit when parsing and when rendering, a long line is quoted as a window around the
/// column, and a file's errors beyond the first 50 are counted rather than printed.
final class BoundsTests: XCTestCase {
    func testNestingDeeperThanTheLimitIsAnErrorAtTheFirstTagTooDeep() {
        let depth = 20_000
        let source = String(repeating: "{{#a}}", count: depth) + "x" + String(repeating: "{{/a}}", count: depth)
        let errors = loadErrors(["page": source])
        XCTAssertEqual(errors.map(\.description), ["page:1:601: error: sections, blocks and parent tags are nested more than 100 levels deep"])
        XCTAssertEqual(errors.first?.kind, .nestingTooDeep(limit: 100))
    }

    func testNestingAtTheLimitRenders() throws {
        let source = String(repeating: "{{#a}}", count: 100) + "x" + String(repeating: "{{/a}}", count: 100)
        XCTAssertEqual(try render(source, ["a": true]), "x")
    }

    func testHundredThousandUnclosedSectionsGiveOneError() {
        let errors = loadErrors(["page": String(repeating: "{{#a}}\n", count: 100_000)])
        XCTAssertEqual(errors.map(\.description), ["page:101:1: error: sections, blocks and parent tags are nested more than 100 levels deep"])
    }

    func testPartialsInsideSectionsStopAtTheRenderingLimit() throws {
        // Each level is 10 sections and a partial: the partial depth limit (100) is not reached,
        // the rendering limit (1,000 levels in all) is.
        let node = String(repeating: "{{#a}}", count: 10) + "{{>node}}" + String(repeating: "{{/a}}", count: 10)
        let error = try renderError("{{>node}}", ["a": true], partials: ["node": node])
        XCTAssertEqual(error.kind, .renderingTooDeep(limit: 1_000))
        XCTAssertEqual(error.file, "node")
    }

    func testRenderingAtTheLimitFitsInAWorkerThreadsStack() throws {
        // 90 partial levels of 10 sections (+1 for the partial): 990 levels, just under the
        // limit, rendered where a build renders pages: on Dispatch's worker threads.
        let node = "{{#more}}" + String(repeating: "{{#a}}", count: 9) + "{{>node}}" + String(repeating: "{{/a}}", count: 9) + "{{/more}}"
        var data: TemplateValue = ["a": true, "more": false]
        for _ in 0..<89 { data = ["a": true, "more": data] }
        let templates = try TemplateSet(sources: ["page": "{{>node}}", "node": node])
        let root = data
        let results = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 2) { _ in
            let output = (try? templates.render("page", root)) ?? "error"
            results.withLock { $0.append(output) }
        }
        XCTAssertEqual(results.withLock { $0 }, ["", ""])
    }

    func testALongLineIsQuotedAsAWindowAroundTheColumn() {
        let source = String(repeating: "x", count: 5_000) + "{{#a}}" + String(repeating: "y", count: 5_000)
        let error = loadErrors(["page": source])[0]
        XCTAssertEqual(error.description, "page:1:5001: error: section `a` is never closed")
        XCTAssertEqual(error.rendered, """
            page:1:5001: error: section `a` is never closed
                …\(String(repeating: "x", count: 60))\("{{#a}}")\(String(repeating: "y", count: 54))…
                \(String(repeating: " ", count: 61))^
            """)
    }

    func testAWindowKeepsTheCaretUnderTheRightCharacterNearTheEnds() {
        let line = String(repeating: "é", count: 200) + "{{/b}}"
        let error = loadErrors(["page": line + "\nnext"])[0]
        XCTAssertEqual(error.column, 201)
        // The window ends with the line, so it takes 114 characters before the tag.
        XCTAssertEqual(error.sourceLine, "…" + String(repeating: "é", count: 114) + "{{/b}}")
        XCTAssertEqual(error.caretColumn, 116)
        let start = loadErrors(["page": "{{/b}}" + String(repeating: "z", count: 300)])[0]
        XCTAssertEqual(start.sourceLine, "{{/b}}" + String(repeating: "z", count: 114) + "…")
        XCTAssertEqual(start.caretColumn, 1)
    }

    func testAFileReportsAtMostFiftyErrorsThenCountsTheRest() {
        let source = String(repeating: "{{/x}}", count: 10_000)
        let error = TemplateLoadError(errors: loadErrors(["page": source, "other": "{{}}"]))
        let lines = error.description.split(separator: "\n", omittingEmptySubsequences: false)
        // "other": 1 error of 3 lines; "page": 50 errors of 3 lines, then the count.
        XCTAssertEqual(lines.count, 3 + 50 * 3 + 1)
        XCTAssertEqual(lines.last, "and 9950 more errors in page")
        XCTAssertLessThan(error.description.utf8.count, 20_000)
    }

    func testInvalidUTF8IsAnErrorAtItsPosition() {
        let bytes = Array("<p>\nCaf".utf8) + [0xE9] + Array(" {{a}}</p>".utf8)
        let errors = loadErrors { () throws(TemplateLoadError) in
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("utf8-\(UUID())")
            try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            FileManager.default.createFile(atPath: folder.appendingPathComponent("page.html").path, contents: Data(bytes))
            return try TemplateSet(directory: folder, displayPrefix: "templates")
        }
        XCTAssertEqual(errors.map(\.description), ["templates/page.html:2:4: error: invalid UTF-8: byte 0xE9 is not valid here (save the file as UTF-8)"])
    }

    func testCarriageReturnAloneEndsALine() {
        let errors = loadErrors(["page": "<p>\r{{#a}}\r</p>\r\n{{/b}}"])
        XCTAssertEqual(errors.map(\.description), [
            "page:4:1: error: closing tag `b` does not match the open section `a`",
        ])
        XCTAssertEqual(errors[0].sourceLine, "{{/b}}")
        let references = try? TemplateSet(sources: ["page": "a\rb\r{{x}}"], strict: false).references
        XCTAssertEqual(references?.map { "\($0.line):\($0.column)" }, ["3:1"])
    }
}
