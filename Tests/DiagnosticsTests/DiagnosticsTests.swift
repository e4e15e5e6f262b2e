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
        let diagnostic = file.diagnostic(.error, "unknown name `role.faqs`", code: "RG220", atByteOffset: offset)
        XCTAssertEqual(diagnostic.rendered, "t.html:2:5: error: unknown name `role.faqs`\n    \t<b>{{ role.faqs }}</b>\n    \t   ^")
    }

    /// A file name with a newline cannot forge a second diagnostic line; ESC cannot drive the
    /// terminal; the caret still lands under the right character after an escaped one.
    func testFileNamesMessagesAndQuotedLinesAreEscaped() {
        let name = "content/x\ncontent/y.json:1:1: error: forged\u{1B}[2J.json"
        let diagnostic = Diagnostic.error("unexpected file `\(name)`", code: "RG104", at: SourceLocation(file: name, line: 1, column: 3), sourceLine: "\u{1B}[31mred")
        XCTAssertEqual(diagnostic.description, "content/x\\u{A}content/y.json:1:1: error: forged\\u{1B}[2J.json:1:3: error: unexpected file `content/x\\u{A}content/y.json:1:1: error: forged\\u{1B}[2J.json`")
        XCTAssertEqual(diagnostic.rendered.components(separatedBy: "\n").count, 3)
        XCTAssertEqual(diagnostic.rendered.components(separatedBy: "\n")[1...], ["    \\u{1B}[31mred", "           ^"], "under the `3`")
        XCTAssertFalse(diagnostic.rendered.unicodeScalars.contains { $0.value == 0x1B })
        let coloured = DiagnosticFormat.human(colour: true).format(diagnostic)
        XCTAssertEqual(coloured.components(separatedBy: "\n").count, 3, "in colour too")
        XCTAssertTrue(coloured.contains("forged\\u{1B}[2J.json"), coloured)
        XCTAssertEqual(TerminalText.escaped("tab\there", keepingTabs: true), "tab\there")
        XCTAssertEqual(TerminalText.escaped("tab\there\u{85}\u{2028}"), "tab\\u{9}here\\u{85}\\u{2028}")
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

    func testANameIsNeverATypoOfSomethingEntirelyDifferent() {
        XCTAssertNil(closestMatch(to: "a", among: ["b"]))
        XCTAssertNil(closestMatch(to: "de", among: ["en", "fr"]))
        XCTAssertEqual(closestMatch(to: "frr", among: ["en", "fr"]), "fr")
    }

    func testTiesBreakAlphabetically() {
        XCTAssertEqual(closestMatch(to: "cat", among: ["cut", "bat"]), "bat")
        XCTAssertEqual(closestMatch(to: "cat", among: ["bat", "cut"]), "bat")
    }

    func testTranspositionCountsOnce() {
        XCTAssertEqual(editDistance("tilte", "title"), 1)
    }
}

/// The forms a diagnostic is printed in (the command-line tests check them end to end).
final class DiagnosticFormatTests: XCTestCase {
    private let typo = Diagnostic.error(
        "unknown field `riskScroe` — did you mean `riskScore`?", code: "RG120",
        at: SourceLocation(file: "content/roles/a/role.json", line: 4, column: 3), quote: QuotedLine(text: "  \"riskScroe\": 33,", caretColumn: 3), suggestion: "riskScore")

    func testHumanFormWithAndWithoutColour() {
        XCTAssertEqual(DiagnosticFormat.human(colour: false).format(typo), typo.rendered)
        XCTAssertEqual(typo.rendered, "content/roles/a/role.json:4:3: error: unknown field `riskScroe` — did you mean `riskScore`?\n      \"riskScroe\": 33,\n      ^")
        XCTAssertEqual(
            DiagnosticFormat.human(colour: true).format(typo),
            "\u{1B}[1mcontent/roles/a/role.json:4:3:\u{1B}[0m \u{1B}[1;31merror:\u{1B}[0m unknown field `riskScroe` — did you mean `riskScore`?\n      \"riskScroe\": 33,\n      \u{1B}[1;32m^\u{1B}[0m")
        let warning = Diagnostic.warning("w", code: "RG403")
        XCTAssertEqual(DiagnosticFormat.human(colour: true).format(warning), "\u{1B}[1;33mwarning:\u{1B}[0m w")
    }

    func testJSONFormEscapesAndUsesNullForWhatIsUnknown() {
        XCTAssertEqual(DiagnosticFormat.json.format(typo), #"{"type":"diagnostic","severity":"error","code":"RG120","file":"content/roles/a/role.json","line":4,"column":3,"end":null,"message":"unknown field `riskScroe` — did you mean `riskScore`?","suggestion":"riskScore"}"#)
        let odd = Diagnostic.warning("a \"quote\", a \\ and\n\t\u{1} end", code: "RG1")
        XCTAssertEqual(DiagnosticFormat.json.format(odd), #"{"type":"diagnostic","severity":"warning","code":"RG1","file":null,"line":null,"column":null,"end":null,"message":"a \"quote\", a \\ and\n\t\u0001 end","suggestion":null}"#)
    }

    func testWorkflowCommandEscapesDataAndProperties() {
        let diagnostic = Diagnostic.error("50% done\r\nnext: a, b", code: "RG9", at: SourceLocation(file: "a,b:c.json", line: 2, column: 5))
        XCTAssertEqual(
            DiagnosticFormat.githubActions(pathPrefix: "site/").format(diagnostic),
            "::error file=site/a%2Cb%3Ac.json,line=2,col=5,title=rolegen RG9::50%25 done%0D%0Anext: a, b")
        XCTAssertEqual(DiagnosticFormat.githubActions(pathPrefix: "").format(Diagnostic.warning("w", code: "RG1")), "::warning title=rolegen RG1::w")
    }

    func testDecimalsAreWrittenWithoutLocaleOrExponent() {
        XCTAssertEqual(JSONText.decimal(0.0004, places: 3).text, "0.000")
        XCTAssertEqual(JSONText.decimal(12.3456, places: 3).text, "12.346")
        XCTAssertEqual(JSONText.decimal(0.05, places: 3).text, "0.050")
        XCTAssertEqual(JSONText.object([("b", .number(1)), ("a", .array([.bool(true), .null]))]).text, #"{"b":1,"a":[true,null]}"#)
    }
}

/// Long lines are quoted as a window around the column, lone `\r` ends a line, and a file's
/// errors beyond the first 50 are counted in one line.
final class BoundedOutputTests: XCTestCase {
    func testALongLineIsQuotedAsAWindowWithTheCaretUnderTheColumn() {
        let line = String(repeating: "a", count: 1_000) + "X" + String(repeating: "b", count: 1_000)
        let file = SourceFile(path: "big.json", text: line)
        let diagnostic = file.diagnostic(.error, "bad", code: "RG0", atByteOffset: 1_000)
        XCTAssertEqual(diagnostic.location?.column, 1_001)
        XCTAssertEqual(diagnostic.rendered, """
            big.json:1:1001: error: bad
                …\(String(repeating: "a", count: 60))X\(String(repeating: "b", count: 59))…
                \(String(repeating: " ", count: 61))^
            """)
    }

    func testAWindowNearTheEndTakesMoreBeforeAndCountsScalars() {
        let line = String(repeating: "é", count: 300) + "!"
        let file = SourceFile(path: "f", text: "x\n" + line + "\ny")
        let offset = file.bytes.firstIndex(of: UInt8(ascii: "!"))!
        let diagnostic = file.diagnostic(.error, "bad", code: "RG0", atByteOffset: offset)
        XCTAssertEqual(diagnostic.location?.description, "f:2:301")
        XCTAssertEqual(diagnostic.quote, QuotedLine(text: "…" + String(repeating: "é", count: 119) + "!", caretColumn: 121))
    }

    func testColumnsStayExactOnAVeryLongLineWithMultibyteText() {
        let line = String(repeating: "€", count: 10_000) + "X"
        let file = SourceFile(path: "f", text: line)
        XCTAssertEqual(file.location(ofByteOffset: 30_000).column, 10_001)
        XCTAssertEqual(file.location(ofByteOffset: 4_098).column, 1_367)
    }

    /// A short line after a long multibyte one, across a block of the column index: its columns
    /// count its own characters only.
    func testColumnsOfAShortLineAcrossABlockBoundaryCountItsOwnCharacters() {
        let long = String(repeating: "é", count: 2_040)  // 4,080 bytes
        let file = SourceFile(path: "f", text: long + "\n" + "ééééééééééé€€X")  // the short line spans byte 4,096
        let offset = file.bytes.firstIndex(of: UInt8(ascii: "X"))!
        XCTAssertGreaterThan(offset, 4_096)
        XCTAssertEqual(file.location(ofByteOffset: offset).description, "f:2:14")
        XCTAssertEqual(file.location(ofByteOffset: 4_081).description, "f:2:1")
        XCTAssertEqual(file.location(ofByteOffset: 4_078).description, "f:1:2040")
    }

    /// A parser's line and byte column, as cmark-gfm gives them, to an offset: lines end where
    /// CommonMark ends them; a missing position (0) is the start, and nothing leaves the file.
    func testAParsersLineAndByteColumnBecomeAnOffset() {
        let file = SourceFile(path: "f.md", text: "ab\r\ncd\ref\ngh")
        XCTAssertEqual([(1, 1), (1, 2), (2, 2), (3, 1), (4, 2)].map { file.byteOffset(line: $0.0, byteColumn: $0.1) }, [0, 1, 5, 7, 11])
        XCTAssertEqual(file.byteOffset(line: 0, byteColumn: 0), 0)
        XCTAssertEqual(file.byteOffset(line: 9, byteColumn: 9), file.bytes.count)
    }

    func testALoneCarriageReturnEndsALine() {
        let file = SourceFile(path: "mac.json", text: "{\r  \"a\": 1,\r  \"b\": x\r}")
        let offset = file.bytes.firstIndex(of: UInt8(ascii: "x"))!
        XCTAssertEqual(file.location(ofByteOffset: offset).description, "mac.json:3:8")
        XCTAssertEqual(file.lineText(3), "  \"b\": x")
        XCTAssertEqual(file.diagnostic(.error, "bad", code: "RG0", atByteOffset: offset).quote?.text, "  \"b\": x")
        let mixed = SourceFile(path: "m", text: "a\r\r\nb\n\rc")
        XCTAssertEqual((1...4).map { mixed.lineText($0) }, ["a", "", "b", ""])
        XCTAssertEqual(mixed.location(ofByteOffset: 7).description, "m:5:1")
    }

    func testAFileShowsAtMostFiftyErrorsThenCountsTheRest() {
        var diagnostics = (1...70).map { Diagnostic.error("e\($0)", code: "RG0", at: SourceLocation(file: "a", line: $0, column: 1)) }
        diagnostics.append(.warning("w", code: "RG0", at: SourceLocation(file: "a", line: 80, column: 1)))
        diagnostics += (1...3).map { Diagnostic.error("f\($0)", code: "RG0", at: SourceLocation(file: "b", line: $0, column: 1)) }
        diagnostics.append(.error("no file", code: "RG0"))
        let lines = diagnostics.limitedPerFile().map { item in
            switch item {
            case .diagnostic(let diagnostic): diagnostic.rendered
            case .omittedErrors(let count, let file): ShownDiagnostic.line(omitting: count, in: file)
            }
        }
        XCTAssertEqual(lines.count, 50 + 1 + 1 + 3 + 1)
        XCTAssertEqual(lines[49], "a:50:1: error: e50")
        XCTAssertEqual(lines[50], "a:80:1: warning: w")
        XCTAssertEqual(lines[51], "and 20 more errors in a")
        XCTAssertEqual(Array(lines[52...]), ["b:1:1: error: f1", "b:2:1: error: f2", "b:3:1: error: f3", "error: no file"])
    }
}
