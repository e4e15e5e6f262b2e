import XCTest
@testable import Content

final class JSONParserTests: XCTestCase {
    private func parse(_ text: String) -> JSONDocument {
        JSONParser.parse(Array(text.utf8))
    }

    private func value(_ text: String, file: StaticString = #filePath, line: UInt = #line) throws -> JSONValue {
        let document = parse(text)
        XCTAssertNil(document.syntaxError, file: file, line: line)
        return try XCTUnwrap(document.root, file: file, line: line)
    }

    /// `message@offset` of the syntax error, for compact tables.
    private func failure(_ text: String) -> String {
        guard let error = parse(text).syntaxError else { return "no error" }
        return "\(error.message)@\(error.offset)"
    }

    func testValuesKeepTheirOffsets() throws {
        let root = try value(#"{ "a": [1, -2.5, "x", true, false, null], "b": {} }"#)
        guard case .object(let object) = root.content else { return XCTFail("not an object") }
        XCTAssertEqual(root.offset, 0)
        XCTAssertEqual(object.members.map(\.key), ["a", "b"])
        XCTAssertEqual(object.members.map(\.keyOffset), [2, 42])
        guard case .array(let elements) = object["a"]?.value.content else { return XCTFail("not an array") }
        XCTAssertEqual(elements.map(\.content), [.integer(1), .number(-2.5), .string("x"), .bool(true), .bool(false), .null])
        XCTAssertEqual(elements.map(\.offset), [8, 11, 17, 22, 28, 35])
        XCTAssertEqual(object["b"]?.value, JSONValue(content: .object(JSONObject(members: [])), offset: 47))
    }

    func testNumbersKeepIntegersApart() throws {
        XCTAssertEqual(try value("0").content, .integer(0))
        XCTAssertEqual(try value("-12").content, .integer(-12))
        XCTAssertEqual(try value("9223372036854775807").content, .integer(Int.max))
        XCTAssertEqual(try value("-9223372036854775808").content, .integer(Int.min))
        XCTAssertEqual(try value("1.0").content, .number(1))
        XCTAssertEqual(try value("1e3").content, .number(1000))
        XCTAssertEqual(try value("-0.5E-2").content, .number(-0.005))
        XCTAssertEqual(try value("2e+1").content, .number(20))
    }

    func testEscapesIncludingSurrogatePairs() throws {
        XCTAssertEqual(try value(#""a\"b\\c\/d\b\f\n\r\t""#).content, .string("a\"b\\c/d\u{8}\u{C}\n\r\t"))
        XCTAssertEqual(try value(#""caf\u00e9 \u00C9""#).content, .string("café É"))
        XCTAssertEqual(try value(#""\uD83D\uDE00 ok""#).content, .string("😀 ok"))
        XCTAssertEqual(try value(#""déjà vu \n""#).content, .string("déjà vu \n"))
        XCTAssertEqual(try value(#""\u0000""#).content, .string("\u{0}"))
    }

    func testSyntaxErrorsSayWhatAndWhere() {
        XCTAssertEqual(failure(""), "unexpected end of file, expected a value@0")
        XCTAssertEqual(failure("{"), "unexpected end of file, expected a string key or `}`@1")
        XCTAssertEqual(failure(#"{"a": 1,"#), "unexpected end of file, expected a string key@8")
        XCTAssertEqual(failure(#"{"a""#), "unexpected end of file, expected `:` after the key@4")
        XCTAssertEqual(failure(#"{"a" 1}"#), "unexpected `1`, expected `:` after the key@5")
        XCTAssertEqual(failure(#"{"a": }"#), "unexpected `}`, expected a value@6")
        XCTAssertEqual(failure(#"{"a": 1"#), "unexpected end of file, expected `,` or `}`@7")
        XCTAssertEqual(failure(#"{"a": 1 "b": 2}"#), "unexpected `\"`, expected `,` or `}`@8")
        XCTAssertEqual(failure("[1 2]"), "unexpected `2`, expected `,` or `]`@3")
        XCTAssertEqual(failure("[1,"), "unexpected end of file, expected a value@3")
        XCTAssertEqual(failure("{title: 1}"), "unexpected `title`, expected a string key in double quotes@1")
        XCTAssertEqual(failure("['a']"), "unexpected `'`, expected a value@1")
        XCTAssertEqual(failure("tru"), "unexpected `tru`, expected a value@0")
        XCTAssertEqual(failure("nullx"), "unexpected `nullx`, expected a value@0")
        XCTAssertEqual(failure("{} x"), "unexpected `x` after the end of the JSON value@3")
        XCTAssertEqual(failure("{}}"), "unexpected `}` after the end of the JSON value@2")
        XCTAssertEqual(failure("é"), "unexpected `é`, expected a value@0")
    }

    func testTrailingCommasPointAtTheComma() {
        XCTAssertEqual(failure(#"{"a": 1,}"#), "trailing comma before `}` (JSON allows none)@7")
        XCTAssertEqual(failure("[1, 2, ]"), "trailing comma before `]` (JSON allows none)@5")
    }

    func testStringErrors() {
        XCTAssertEqual(failure(#""abc"#), "unterminated string: the closing `\"` is missing@0")
        XCTAssertEqual(failure(#"["a\"#), "unterminated string: the closing `\"` is missing@1")
        XCTAssertEqual(failure("\"a\nb\""), "line break inside a string (write `\\n` instead)@2")
        XCTAssertEqual(failure("\"a\\n\tb\""), "control character U+0009 inside a string must be escaped@4")
        XCTAssertEqual(failure(#""a\qb""#), #"invalid escape `\q`@2"#)
        XCTAssertEqual(failure(#""\é""#), #"invalid escape `\é`@1"#)
        XCTAssertEqual(failure(#""\u12G4""#), #"`\u` must be followed by four hexadecimal digits@1"#)
        XCTAssertEqual(failure(#""\u12"#), #"`\u` must be followed by four hexadecimal digits@1"#)
        XCTAssertEqual(failure(#""x\uD83D""#), #"unpaired UTF-16 surrogate `\uD83D`@2"#)
        XCTAssertEqual(failure(#""\uD83D\u0041""#), #"unpaired UTF-16 surrogate `\uD83D`@1"#)
        XCTAssertEqual(failure(#""\uDE00""#), #"unpaired UTF-16 surrogate `\uDE00`@1"#)
    }

    /// A string is scanned eight bytes at a time until one of them may end it: the byte that
    /// does is found wherever it stands in the eight, after ASCII or multi-byte characters.
    func testWhatEndsAPlainStringIsFoundAtEveryPosition() throws {
        for length in 0..<20 {
            for filler in ["a", "é"] {
                let text = String(repeating: filler, count: length)
                let start = 1 + text.utf8.count
                XCTAssertEqual(try value("\"\(text)\"").content, .string(text), "\(length) × \(filler)")
                XCTAssertEqual(try value("[\"\(text)\", \"after the quote\"]").content, .array([
                    JSONValue(content: .string(text), offset: 1), JSONValue(content: .string("after the quote"), offset: start + 4),
                ]))
                XCTAssertEqual(try value("\"\(text)\\n and more text\"").content, .string(text + "\n and more text"))
                XCTAssertEqual(failure("\"\(text)\tand more text\""), "control character U+0009 inside a string must be escaped@\(start)")
                XCTAssertEqual(failure("\"\(text)\u{1F}and more text\""), "control character U+001F inside a string must be escaped@\(start)")
            }
        }
    }

    func testNumberErrors() {
        XCTAssertEqual(failure("007"), "numbers cannot start with `0` followed by more digits@0")
        XCTAssertEqual(failure("-"), "expected a digit after `-`@1")
        XCTAssertEqual(failure("-x"), "expected a digit after `-`@1")
        XCTAssertEqual(failure("1."), "expected a digit after `.`@2")
        XCTAssertEqual(failure("1.e5"), "expected a digit after `.`@2")
        XCTAssertEqual(failure("1e"), "expected a digit after `e`@2")
        XCTAssertEqual(failure("1E+"), "expected a digit after `+`@3")
        XCTAssertEqual(failure("+1"), "unexpected `+`, expected a value@0")
        XCTAssertEqual(failure(".5"), "unexpected `.`, expected a value@0")
        XCTAssertEqual(failure("99999999999999999999"), "integer `99999999999999999999` is too large@0")
    }

    func testNestingIsLimited() {
        let limit = JSONParser.defaultDepthLimit
        let deepest = String(repeating: "[", count: limit) + String(repeating: "]", count: limit)
        XCTAssertNil(parse(deepest).syntaxError)
        let tooDeep = String(repeating: "[", count: limit + 1) + String(repeating: "]", count: limit + 1)
        XCTAssertEqual(failure(tooDeep), "arrays and objects are nested deeper than \(limit) levels@\(limit)")
        // Far beyond the limit: an error, not a stack overflow.
        XCTAssertEqual(failure(String(repeating: #"{"a":"#, count: 200_000)), "arrays and objects are nested deeper than \(limit) levels@\(5 * limit)")
        XCTAssertEqual(JSONParser.parse(Array("[[[1]]]".utf8), depthLimit: 2).syntaxError?.kind, .tooDeep(limit: 2))
    }

    func testDuplicateKeysAreReportedAndTheFirstIsKept() throws {
        let document = parse(#"{"a": 1, "b": {"c": 1, "c": 2}, "a": 3}"#)
        XCTAssertNil(document.syntaxError)
        XCTAssertEqual(document.duplicateKeys, [
            DuplicateKey(key: "c", offset: 23, firstOffset: 15),
            DuplicateKey(key: "a", offset: 32, firstOffset: 0 + 1),
        ])
        guard case .object(let object) = document.root?.content else { return XCTFail("not an object") }
        XCTAssertEqual(object.members.map(\.key), ["a", "b"])
        XCTAssertEqual(object["a"]?.value.content, .integer(1))
    }

    /// Keys that share their length and their first and last bytes are still different keys,
    /// and an escaped key is the same key as its plain spelling.
    func testKeysThatShareTheirEndsAreNotDuplicatesAndEscapedKeysAre() {
        let document = parse(#"{"tasks.aaaa1bbbbbbbb": 1, "tasks.aaaa2bbbbbbbb": 2, "ab": 3, "ba": 4, "a\u0062": 5, "": 6, "\u0000": 7, "": 8}"#)
        XCTAssertNil(document.syntaxError)
        XCTAssertEqual(document.duplicateKeys.map(\.key), ["ab", ""])
        guard case .object(let object) = document.root?.content else { return XCTFail("not an object") }
        XCTAssertEqual(object.members.map(\.key), ["tasks.aaaa1bbbbbbbb", "tasks.aaaa2bbbbbbbb", "ab", "ba", "", "\u{0}"])
    }

    func testDuplicateKeysBeforeASyntaxErrorAreStillReported() {
        let document = parse(#"{"a": 1, "a": 2,}"#)
        XCTAssertEqual(document.duplicateKeys.map(\.key), ["a"])
        XCTAssertEqual(document.syntaxError?.kind, .trailingComma(before: "}"))
        XCTAssertNil(document.root)
    }

    func testByteOrderMarkIsSkippedAndOffsetsCountFromTheFileStart() throws {
        let document = JSONParser.parse([0xEF, 0xBB, 0xBF] + Array(#"{"a": 1}"#.utf8))
        guard case .object(let object) = document.root?.content else { return XCTFail("not an object") }
        XCTAssertEqual(document.root?.offset, 3)
        XCTAssertEqual(object.members.first?.keyOffset, 4)
    }

    func testWhitespaceIncludesCRLF() throws {
        let root = try value("{\r\n\t\"a\" :\r\n 1 \r\n}\r\n")
        guard case .object(let object) = root.content else { return XCTFail("not an object") }
        XCTAssertEqual(object["a"]?.value.content, .integer(1))
    }
}

final class UTF8CheckTests: XCTestCase {
    func testValidTextPasses() {
        XCTAssertNil(firstInvalidUTF8Offset(in: Array("plain, é, ─, 😀, \u{10FFFF}".utf8)))
        XCTAssertNil(firstInvalidUTF8Offset(in: []))
    }

    func testFirstBadByteIsFound() {
        XCTAssertEqual(firstInvalidUTF8Offset(in: [0x61, 0xFF, 0x62]), 1)
        // Latin-1 "é" followed by ASCII: the lead byte starts a sequence that never completes.
        XCTAssertEqual(firstInvalidUTF8Offset(in: Array("caf".utf8) + [0xE9, 0x20]), 3)
        XCTAssertEqual(firstInvalidUTF8Offset(in: [0x80]), 0, "a lone continuation byte")
        XCTAssertEqual(firstInvalidUTF8Offset(in: [0xC0, 0x80]), 0, "an overlong encoding")
        XCTAssertEqual(firstInvalidUTF8Offset(in: [0xE0, 0x80, 0x80]), 0, "an overlong three-byte encoding")
        XCTAssertEqual(firstInvalidUTF8Offset(in: [0xED, 0xA0, 0x80]), 0, "a UTF-16 surrogate")
        XCTAssertEqual(firstInvalidUTF8Offset(in: [0xF4, 0x90, 0x80, 0x80]), 0, "above U+10FFFF")
        XCTAssertEqual(firstInvalidUTF8Offset(in: [0x61, 0xE2, 0x94]), 1, "cut off at the end of the file")
        XCTAssertEqual(firstInvalidUTF8Offset(in: [0xE2, 0x94, 0x41]), 0, "a bad third byte")
    }

    func testLongASCIIRunsAreSkippedWithoutMissingABadByte() {
        for prefix in 0..<20 {
            let ascii = [UInt8](repeating: UInt8(ascii: "a"), count: prefix)
            XCTAssertEqual(firstInvalidUTF8Offset(in: ascii + [0xFF] + ascii), prefix, "after \(prefix) ASCII bytes")
            XCTAssertNil(firstInvalidUTF8Offset(in: ascii + Array("é─😀".utf8) + ascii))
        }
    }
}
