import XCTest
@testable import TemplateEngine

/// A render writes into its own growing buffer: these pin that what comes out is every byte
/// appended, in order, however the buffer grew, and escaped exactly as `HTMLEscaping` says.
final class OutputBytesTests: XCTestCase {
    func testBytesAreEveryAppendInOrderAcrossManyGrowths() {
        var output = OutputBytes(capacity: 1)
        var expected: [UInt8] = []
        for index in 0..<2_000 {
            let piece = "piece \(index) é;"
            output.appendRaw(piece)
            expected += Array(piece.utf8)
            if index.isMultiple(of: 7) {
                let run: [UInt8] = Array(repeating: UInt8(ascii: "x"), count: index % 300)
                output.append(run)
                expected += run
            }
        }
        let count = output.count
        let bytes = output.bytes()
        XCTAssertEqual(count, expected.count)
        XCTAssertEqual(bytes, expected)
    }

    func testEscapingReplacesTheFiveCharactersAndCopiesTheRest() {
        var output = OutputBytes(capacity: 4)
        output.appendEscaped(#"<a href="x">Tom & Jerry's</a> — ok"#)
        output.appendEscaped("")
        output.appendEscaped("plain")
        let string = output.string()
        XCTAssertEqual(string, "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt; — ok" + "plain")
    }

    func testNothingAppendedGivesNoBytes() {
        let output = OutputBytes(capacity: 0)
        let bytes = output.bytes()
        XCTAssertEqual(bytes, [])
    }

    func testEscapeReturnsTheSameTextWhenNothingNeedsEscaping() {
        XCTAssertEqual(HTMLEscaping.escape("Backend Developer"), "Backend Developer")
        XCTAssertEqual(HTMLEscaping.escape("R&D <team>"), "R&amp;D &lt;team&gt;")
    }
}
