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

    /// The search looks at eight bytes at a time: every escaped character at every place in a
    /// word and across word boundaries, beside the bytes its word test confuses most easily
    /// (neighbours of the escaped ones, bytes above 0x80, the zero byte), comes out as a
    /// byte-by-byte escape would give it.
    func testEscapingFindsEveryCharacterAtEveryPlaceInAWord() {
        let escaped: [Character: String] = ["&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;"]
        let fillers = ["a", "!", "#", "%", "(", "=", "?", "\u{0}", "\u{1}", "é", "€", " ", "$", "\u{7F}", "日"]
        for character in escaped.keys.sorted() {
            for filler in fillers {
                for length in 1...19 {
                    for place in 0..<length {
                        var text = String(repeating: filler, count: length)
                        var reference = ""
                        for (index, original) in text.enumerated() {
                            reference += index == place ? escaped[character]! : String(original)
                        }
                        text = String(text.enumerated().map { $0.offset == place ? character : $0.element })
                        var output = OutputBytes(capacity: 1)
                        output.appendEscaped(text)
                        let written = output.string()
                        XCTAssertEqual(written, reference, "\(character) at \(place) of \(length) among \(filler.unicodeScalars.first!.value)")
                        XCTAssertEqual(HTMLEscaping.escape(text), reference)
                    }
                    let plain = String(repeating: filler, count: length)
                    XCTAssertEqual(HTMLEscaping.escape(plain), plain, "\(length) × \(filler.unicodeScalars.first!.value)")
                }
            }
        }
    }

    func testEscapeReturnsTheSameTextWhenNothingNeedsEscaping() {
        XCTAssertEqual(HTMLEscaping.escape("Backend Developer"), "Backend Developer")
        XCTAssertEqual(HTMLEscaping.escape("R&D <team>"), "R&amp;D &lt;team&gt;")
    }
}
