import Localization
import XCTest

/// Every mistake a translator can make, with the exact sentence and the byte offset reported.
final class MessageSyntaxErrorTests: XCTestCase {
    private func assertError(_ source: String, _ kind: MessageSyntaxError.Kind, at offset: Int, _ message: String,
                             file: StaticString = #filePath, line: UInt = #line) {
        do {
            _ = try Message(parsing: source)
            XCTFail("\(source) parsed", file: file, line: line)
        } catch {
            XCTAssertEqual(error, MessageSyntaxError(kind, utf8Offset: offset), file: file, line: line)
            XCTAssertEqual(error.message, message, file: file, line: line)
            XCTAssertEqual(error.description, "offset \(offset): \(message)", file: file, line: line)
        }
    }

    func testUnclosedArgument() {
        assertError("Hello {name", .unclosedArgument, at: 6, "`{` is never closed: expected `}`")
        assertError("Hello {", .unclosedArgument, at: 6, "`{` is never closed: expected `}`")
        assertError("{n, plural, one {#}", .unclosedArgument, at: 0, "`{` is never closed: expected `}`")
        assertError("{n, plural", .unclosedArgument, at: 0, "`{` is never closed: expected `}`")
        assertError("{n,", .unclosedArgument, at: 0, "`{` is never closed: expected `}`")
    }

    func testEmptyArgumentName() {
        assertError("né {}", .emptyArgumentName, at: 4, "argument has no name between `{` and `}`")
        assertError("{ , plural, other {x}}", .emptyArgumentName, at: 0, "argument has no name between `{` and `}`")
    }

    func testInvalidArgumentName() {
        assertError("{first-name}", .invalidArgumentName("first-name"), at: 1,
                    "invalid argument name `first-name`: use letters, digits and `_`, starting with a letter or `_`")
        assertError("é { 1st}", .invalidArgumentName("1st"), at: 5,
                    "invalid argument name `1st`: use letters, digits and `_`, starting with a letter or `_`")
        assertError("{rôle}", .invalidArgumentName("rôle"), at: 1,
                    "invalid argument name `rôle`: use letters, digits and `_`, starting with a letter or `_`")
    }

    func testExpectedCommaOrClosingBrace() {
        assertError("{count items}", .expectedCommaOrClosingBrace(argument: "count"), at: 7,
                    "expected `,` or `}` after argument name `count`")
        assertError("{count{", .expectedCommaOrClosingBrace(argument: "count"), at: 6,
                    "expected `,` or `}` after argument name `count`")
    }

    func testMissingFormat() {
        assertError("{count, }", .missingFormat(argument: "count"), at: 8, "expected `plural` after `,` in argument `count`")
    }

    func testUnknownFormat() {
        assertError("On {when, date}", .unknownFormat("date"), at: 10,
                    "unsupported argument type `date`: only `plural` is supported")
        assertError("{kind, select, a {x} other {y}}", .unknownFormat("select"), at: 7,
                    "unsupported argument type `select`: only `plural` is supported")
    }

    func testExpectedCommaAfterPlural() {
        assertError("{count, plural one {#} other {#}}", .expectedCommaAfterPlural(argument: "count"), at: 15,
                    "expected `,` after `plural` in argument `count`")
    }

    func testMissingSelector() {
        assertError("{count, plural, {#} other {#}}", .missingSelector(argument: "count"), at: 16,
                    "expected a selector (=N, zero, one, two, few, many or other) before `{` in plural argument `count`")
    }

    func testInvalidSelector() {
        assertError("{count, plural, single {#} other {#}}", .invalidSelector("single"), at: 16,
                    "`single` is not a plural selector: use =N, zero, one, two, few, many or other")
        assertError("{count, plural, =x {#} other {#}}", .invalidSelector("=x"), at: 16,
                    "`=x` is not a plural selector: use =N, zero, one, two, few, many or other")
        assertError("{count, plural, One {#} other {#}}", .invalidSelector("One"), at: 16,
                    "`One` is not a plural selector: use =N, zero, one, two, few, many or other")
    }

    func testDuplicateSelector() {
        assertError("{n, plural, one {a} other {b} one {c}}", .duplicateSelector("one", argument: "n"), at: 30,
                    "plural argument `n` has two `one` branches")
        assertError("{n, plural, =1 {a} =1 {b} other {c}}", .duplicateSelector("=1", argument: "n"), at: 19,
                    "plural argument `n` has two `=1` branches")
        assertError("{n, plural, other {a} other {b}}", .duplicateSelector("other", argument: "n"), at: 22,
                    "plural argument `n` has two `other` branches")
    }

    func testExpectedBranch() {
        assertError("{count, plural, one # role other {# roles}}", .expectedBranch(selector: "one"), at: 20,
                    "expected `{` after selector `one`")
        assertError("{count, plural, one", .expectedBranch(selector: "one"), at: 19, "expected `{` after selector `one`")
    }

    func testUnclosedBranch() {
        assertError("{count, plural, one {# role", .unclosedBranch(selector: "one"), at: 20,
                    "branch `one` is never closed: expected `}`")
    }

    func testMissingOtherBranch() {
        assertError("You have {count, plural, one {# task}}", .missingOtherBranch(argument: "count"), at: 9,
                    "plural argument `count` has no `other` branch")
        assertError("{n, plural, }", .missingOtherBranch(argument: "n"), at: 0, "plural argument `n` has no `other` branch")
    }

    func testUnexpectedClosingBrace() {
        assertError("50%}", .unexpectedClosingBrace, at: 3,
                    "unexpected `}` without a matching `{` (write `'}'`, the brace between apostrophes, for a literal brace)")
        assertError("{a}}", .unexpectedClosingBrace, at: 3,
                    "unexpected `}` without a matching `{` (write `'}'`, the brace between apostrophes, for a literal brace)")
    }

    func testUnclosedQuote() {
        assertError("l'{title}", .unclosedQuote, at: 1,
                    "apostrophe starts quoted text that is never closed (write `''` for a literal apostrophe)")
        assertError("{n, plural, other {'# items}}", .unclosedQuote, at: 19,
                    "apostrophe starts quoted text that is never closed (write `''` for a literal apostrophe)")
    }

    func testNestingTooDeep() {
        let eight = String(repeating: "{n, plural, other {", count: 8) + "#" + String(repeating: "}}", count: 8)
        XCTAssertNoThrow(try Message(parsing: eight))
        let nine = "{m, plural, other {" + eight + "}}"
        assertError(nine, .nestingTooDeep, at: 152, "plurals are nested more than 8 deep")
    }

    func testThousandsOfOpeningBracesDoNotOverflowTheStack() {
        let source = String(repeating: "{n, plural, other {", count: 5000)
        XCTAssertThrowsError(try Message(parsing: source))
    }
}
