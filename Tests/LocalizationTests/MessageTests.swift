import Localization
import XCTest

final class MessageTests: XCTestCase {
    private let en = LocaleRules.builtIn("en")!
    private let fr = LocaleRules.builtIn("fr")!

    private func format(_ source: String, _ arguments: [String: MessageArgument] = [:],
                        rules: LocaleRules? = nil) throws -> String {
        try Message(parsing: source).format(arguments, rules: rules ?? en)
    }

    func testPlainText() throws {
        XCTAssertEqual(try format("Will AI replace developers?"), "Will AI replace developers?")
        XCTAssertEqual(try format(""), "")
        XCTAssertEqual(try format("# is literal outside plurals"), "# is literal outside plurals")
    }

    func testTextAndNumberArguments() throws {
        XCTAssertEqual(try format("Will AI replace {titlePlural}?", ["titlePlural": .text("Backend Developers")]),
                       "Will AI replace Backend Developers?")
        XCTAssertEqual(try format("{ count } peers", ["count": .number(12_000)]), "12,000 peers")
        XCTAssertEqual(try format("{count} pairs", ["count": .number(12_000)], rules: fr), "12\(nnbsp)000 pairs")
        XCTAssertEqual(try format("{a}{b}{a}", ["a": .text("x"), "b": .text("y")]), "xyx")
    }

    func testMissingArgumentsRenderVerbatim() throws {
        XCTAssertEqual(try format("Hi {name}, {count, plural, one {# task} other {# tasks}}"),
                       "Hi {name}, {count}")
    }

    func testFrenchApostrophesNeedNoEscaping() throws {
        XCTAssertEqual(
            try format("Quelles tâches quotidiennes d'un(e) {title} sont déjà automatisées ?",
                       ["title": .text("Backend Developer")], rules: fr),
            "Quelles tâches quotidiennes d'un(e) Backend Developer sont déjà automatisées ?")
        XCTAssertEqual(try format("L'analyse n'est pas '#' ni 'x'"), "L'analyse n'est pas '#' ni 'x'")
    }

    func testApostropheQuoting() throws {
        XCTAssertEqual(try format("It''s"), "It's")
        XCTAssertEqual(try format("Use '{name}' for a placeholder"), "Use {name} for a placeholder")
        XCTAssertEqual(try format("a '}' b"), "a } b")
        XCTAssertEqual(try format("'{it''s}'"), "{it's}")
        XCTAssertEqual(try format("'{'''"), "{'")
        XCTAssertEqual(try format("{n, plural, other {'#' is # and '{#}'}}", ["n": .number(3)]), "# is 3 and {#}")
    }

    func testPluralBranches() throws {
        let source = "{count, plural, =0 {no tools} one {# tool} other {# tools}}"
        XCTAssertEqual(try format(source, ["count": .number(0)]), "no tools")
        XCTAssertEqual(try format(source, ["count": .number(1)]), "1 tool")
        XCTAssertEqual(try format(source, ["count": .number(2)]), "2 tools")
        XCTAssertEqual(try format(source, ["count": .number(1500)]), "1,500 tools")
    }

    func testFrenchZeroAndOneAreSingular() throws {
        let source = "{count, plural, one {# outil} many {# d’outils} other {# outils}}"
        XCTAssertEqual(try format(source, ["count": .number(0)], rules: fr), "0 outil")
        XCTAssertEqual(try format(source, ["count": .number(1)], rules: fr), "1 outil")
        XCTAssertEqual(try format(source, ["count": .number(2)], rules: fr), "2 outils")
        XCTAssertEqual(try format(source, ["count": .number(1_000_000)], rules: fr), "1\(nnbsp)000\(nnbsp)000 d’outils")
        XCTAssertEqual(try format(source, ["count": .number(0)], rules: en), "0 outils")
    }

    func testExactMatchWinsOverCategory() throws {
        let source = "{n, plural, one {one} =1 {exactly one} other {many}}"
        XCTAssertEqual(try format(source, ["n": .number(1)]), "exactly one")
        XCTAssertEqual(try format("{n, plural, =-1 {minus one} other {#}}", ["n": .number(-1)]), "minus one")
    }

    func testNestedPluralsAndArgumentsInBranches() throws {
        let source = "{roles, plural, one {{title} has {tools, plural, one {# tool} other {# tools}}} "
            + "other {# roles share {tools, plural, =0 {nothing} other {# tools in {sector}}}}}"
        XCTAssertEqual(try format(source, ["roles": .number(1), "tools": .number(1), "title": .text("QA")]),
                       "QA has 1 tool")
        XCTAssertEqual(try format(source, ["roles": .number(3), "tools": .number(4), "sector": .text("Tech")]),
                       "3 roles share 4 tools in Tech")
        XCTAssertEqual(try format(source, ["roles": .number(3), "tools": .number(0)]), "3 roles share nothing")
    }

    func testTextArgumentAsPluralSelectsOther() throws {
        XCTAssertEqual(try format("{n, plural, one {# item} other {# items}}", ["n": .text("some")]), "some items")
    }

    func testWhitespaceAroundSyntax() throws {
        XCTAssertEqual(try format("{ n ,\tplural ,\n one { # item } other { # items } }", ["n": .number(1)]), " 1 item ")
    }

    func testArgumentNames() throws {
        let message = try Message(parsing: "{b} {a, plural, one {{c}} other {{b} {d, plural, other {#}}}} {a}")
        XCTAssertEqual(message.argumentNames, ["a", "b", "c", "d"])
        XCTAssertEqual(message.pluralArgumentNames, ["a", "d"])
        XCTAssertEqual(try Message(parsing: "plain").argumentNames, [])
    }

    func testEquality() throws {
        XCTAssertEqual(try Message(parsing: "a {b}"), try Message(parsing: "a {b}"))
        XCTAssertEqual(try Message(parsing: "{ b }"), try Message(parsing: "{b}"))
        XCTAssertNotEqual(try Message(parsing: "a {b}"), try Message(parsing: "a {c}"))
    }
}
