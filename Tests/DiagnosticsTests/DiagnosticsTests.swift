import Diagnostics
import XCTest

final class SourceFileTests: XCTestCase {
    func testLocationCountsScalarsAndSkipsBOM() {
        let file = SourceFile(path: "a.json", bytes: [0xEF, 0xBB, 0xBF] + Array("{\n  \"é\": x\n}".utf8))
        // The `x` is after `  "é": ` — 7 scalars, so column 8 on line 2.
        let offset = file.bytes.firstIndex(of: UInt8(ascii: "x"))!
        XCTAssertEqual(file.location(ofByteOffset: offset), SourceLocation(file: "a.json", line: 2, column: 8))
        XCTAssertEqual(file.location(ofByteOffset: 3), SourceLocation(file: "a.json", line: 1, column: 1))
        XCTAssertEqual(file.lineText(1), "{")
    }

    func testCRLFLinesReportLikeLF() {
        let file = SourceFile(path: "b.md", text: "one\r\ntwo\r\nthree")
        let offset = Array(file.bytes).firstIndex(of: UInt8(ascii: "w"))!
        XCTAssertEqual(file.location(ofByteOffset: offset).description, "b.md:2:2")
        XCTAssertEqual(file.lineText(2), "two")
        XCTAssertEqual(file.lineText(3), "three")
        XCTAssertNil(file.lineText(4))
    }

    func testRenderedDiagnosticQuotesLineWithCaret() {
        let file = SourceFile(path: "t.html", text: "<p>\n\t<b>{{ role.faqs }}</b>\n")
        let offset = Array(file.bytes).firstIndex(of: UInt8(ascii: "{"))!
        let diagnostic = file.diagnostic(.error, "unknown name 'role.faqs'", code: "RG220", atByteOffset: offset)
        XCTAssertEqual(diagnostic.rendered, "t.html:2:5: error: unknown name 'role.faqs'\n    \t<b>{{ role.faqs }}</b>\n    \t   ^")
    }

    func testDiagnosticsSortByPositionThenSeverity() {
        let a = Diagnostic.warning("w", code: "RG1", at: SourceLocation(file: "a", line: 2, column: 1))
        let b = Diagnostic.error("e", code: "RG1", at: SourceLocation(file: "a", line: 2, column: 1))
        let c = Diagnostic.error("first", code: "RG1", at: SourceLocation(file: "a", line: 1, column: 9))
        let d = Diagnostic.error("no file", code: "RG1")
        XCTAssertEqual([a, b, c, d].sorted(), [d, c, b, a])
    }
}

final class SuggestionTests: XCTestCase {
    func testClosestMatch() {
        XCTAssertEqual(closestMatch(to: "tittle", among: ["title", "description", "tasks"]), "title")
        XCTAssertEqual(closestMatch(to: "faqs", among: ["faq", "tasks"]), "faq")
        XCTAssertNil(closestMatch(to: "zzz", among: ["title", "faq"]))
        XCTAssertEqual(didYouMean("riskScroe", among: ["riskScore"]), " — did you mean `riskScore`?")
        XCTAssertEqual(didYouMean("x", among: [String]()), "")
    }

    func testTiesBreakAlphabetically() {
        XCTAssertEqual(closestMatch(to: "cat", among: ["cut", "bat"]), "bat")
        XCTAssertEqual(closestMatch(to: "cat", among: ["bat", "cut"]), "bat")
    }

    func testTranspositionCountsOnce() {
        XCTAssertEqual(editDistance("tilte", "title"), 1)
    }
}
