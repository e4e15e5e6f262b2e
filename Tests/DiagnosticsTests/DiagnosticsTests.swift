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
        let diagnostic = file.diagnostic(.error, "unknown name 'role.faqs'", atByteOffset: offset)
        XCTAssertEqual(diagnostic.rendered, "t.html:2:5: error: unknown name 'role.faqs'\n    \t<b>{{ role.faqs }}</b>\n    \t   ^")
    }

    /// A file name with a newline cannot forge a second diagnostic line; ESC cannot drive the
    /// terminal; the caret still lands under the right character after an escaped one.
    func testFileNamesMessagesAndQuotedLinesAreEscaped() {
        let name = "content/x\ncontent/y.json:1:1: error: forged\u{1B}[2J.json"
        let diagnostic = Diagnostic.error("unexpected file `\(name)`", at: SourceLocation(file: name, line: 1, column: 3), sourceLine: "\u{1B}[31mred")
        XCTAssertEqual(diagnostic.description, "content/x\\u{A}content/y.json:1:1: error: forged\\u{1B}[2J.json:1:3: error: unexpected file `content/x\\u{A}content/y.json:1:1: error: forged\\u{1B}[2J.json`")
        XCTAssertEqual(diagnostic.rendered.components(separatedBy: "\n").count, 3)
        XCTAssertEqual(diagnostic.rendered.components(separatedBy: "\n")[1...], ["    \\u{1B}[31mred", "           ^"], "under the `3`")
        XCTAssertFalse(diagnostic.rendered.unicodeScalars.contains { $0.value == 0x1B })
        XCTAssertEqual(TerminalText.escaped("tab\there", keepingTabs: true), "tab\there")
        XCTAssertEqual(TerminalText.escaped("tab\there\u{85}\u{2028}"), "tab\\u{9}here\\u{85}\\u{2028}")
    }

    func testDiagnosticsSortByPositionThenSeverity() {
        let a = Diagnostic.warning("w", at: SourceLocation(file: "a", line: 2, column: 1))
        let b = Diagnostic.error("e", at: SourceLocation(file: "a", line: 2, column: 1))
        let c = Diagnostic.error("first", at: SourceLocation(file: "a", line: 1, column: 9))
        let d = Diagnostic.error("no file")
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
