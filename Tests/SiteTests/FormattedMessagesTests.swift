import Content
import Localization
import XCTest

@testable import Site

/// A UI string with numbers, plurals or lists is formatted once per combination of its values
/// and kept (`LocaleStrings.Entry.formatted`): each page must still get its own numbers, its own texts in
/// place of the markers, and a site with more combinations than are kept must still be right.
final class FormattedMessagesTests: XCTestCase {
    private func strings() throws -> LocaleStrings {
        let fixture = try PageDataDocumentationTests.fixture()
        let site = try XCTUnwrap(ContentLoader.load(root: fixture.root).site)
        let rules = try XCTUnwrap(LocaleRules.builtIn("en"))
        return LocaleStrings(
            locale: "en", entries: site.uiStrings(in: "en"), ownKeys: Set(site.uiStrings(in: "en").keys),
            templateKeys: UIStringForms(markup: [], text: []), rules: rules, defaultRules: rules)
    }

    /// The FAQ answer of a page with `tasks` (each its own text) and `more` tasks left out.
    private func atRiskAnswer(_ strings: LocaleStrings, tasks: [String], more: Int) -> UIText {
        var arguments = MessageArguments()
        arguments.lists[.topAutomatedTasks] = tasks.map { LocalizedText(text: $0, locale: "en") }
        arguments.numbers[.moreAutomatedCount] = more
        return strings.format(.faqAtRiskAnswer, strings.resolve(arguments))
    }

    func testEachPageGetsItsOwnValuesWhenACombinationIsMetAgain() throws {
        let strings = try strings()
        XCTAssertEqual(atRiskAnswer(strings, tasks: ["Code", "Tests"], more: 0).html, "Code and Tests.")
        XCTAssertEqual(atRiskAnswer(strings, tasks: ["Docs", "Q&A"], more: 0).html, "Docs and Q&amp;A.", "same combination, other texts")
        XCTAssertEqual(atRiskAnswer(strings, tasks: ["Docs", "Q&A"], more: 3).text, "Docs and Q&A, among others.", "another number")
        XCTAssertEqual(atRiskAnswer(strings, tasks: ["A", "B", "C"], more: 0).text, "A, B, and C.", "another count of list items")
        XCTAssertEqual(atRiskAnswer(strings, tasks: ["Code", "Tests"], more: 0).html, "Code and Tests.", "the first again")
    }

    func testMoreCombinationsThanAreKeptAreStillRight() throws {
        let strings = try strings()
        for more in 0...(SharedMemo<[MessageArgument?], MarkedMessage>.limit + 10) {
            let expected = more == 0 ? "Task." : "Task, among others."
            XCTAssertEqual(atRiskAnswer(strings, tasks: ["Task"], more: more).text, expected, "\(more)")
        }
    }

    /// A combination is told apart by every value, its kind and where one value ends.
    func testCombinationsAreEqualOnlyWithTheSameValues() {
        let (a, b, c): (UIStringArgument, UIStringArgument, UIStringArgument) = (.title, .roleCount, .years)
        let names = [a, b]
        func key(_ values: [UIStringArgument: MessageArgument]) -> ArgumentsKey { ArgumentsKey(names, in: values) }
        XCTAssertEqual(key([a: .text("x"), b: .number(1)]), key([b: .number(1), a: .text("x"), c: .number(9)]), "c is not the message's")
        let different = [
            key([a: .text("x"), b: .number(1)]), key([a: .text("x"), b: .number(2)]), key([a: .text("x"), b: .text("1")]),
            key([a: .text("x")]), key([a: .text("x1")]), key([a: .text(""), b: .text("x")]), key([a: .text("x"), b: .text("")]), key([:]),
        ]
        XCTAssertEqual(Set(different).count, different.count)
        XCTAssertEqual(key([:]), ArgumentsKey(names, in: [:]))
    }
}
