import Localization
import XCTest

@testable import Site

/// A locale's formats are the locale's rules, looked up instead of worked out again: numbers
/// and percentages from 0 to 100 formatted once, year ranges, dates and lists once each as
/// met. Whatever is kept, each value comes out as the rules format it.
final class LocaleFormatsTests: XCTestCase {
    func testTheTableAndTheRulesAgree() throws {
        let rules = try XCTUnwrap(LocaleRules.builtIn("fr"))
        let formats = LocaleFormats(rules)
        for n in [-1, 0, 7, 42, 100, 101, 12_345] {
            XCTAssertEqual(formats.number(n), rules.number(n), "\(n)")
            XCTAssertEqual(formats.percent(n), rules.percent(n), "\(n) %")
        }
        XCTAssertEqual(formats.percent(42), "42\u{00A0}%")
        XCTAssertEqual(formats.number(12_345), "12\u{202F}345")
    }

    func testRangesDatesAndListsMetAgainComeOutAsTheRulesWriteThem() throws {
        let rules = try XCTUnwrap(LocaleRules.builtIn("fr"))
        let formats = LocaleFormats(rules)
        for _ in 0..<2 {
            for (from, to) in [(2, 5), (3, 3), (5, 2), (12_000, 12_001), (-1, 4)] {
                XCTAssertEqual(formats.yearRange(from: from, to: to), rules.yearRange(from: from, to: to), "\(from)–\(to)")
            }
            for (year, month, day) in [(2026, 10, 1), (2026, 11, 21), (2026, 1, 10), (12_026, 1, 1)] {
                XCTAssertEqual(formats.date(year: year, month: month, day: day), rules.date(year: year, month: month, day: day))
            }
            for markers in [0..<1, 0..<2, 21..<24, 22..<25, 3..<3] {
                XCTAssertEqual(formats.list(markers: markers), rules.list(markers.map(EmbeddedText.marker)), "\(markers)")
            }
        }
        XCTAssertEqual(formats.date(year: 2026, month: 10, day: 1), "1er octobre 2026")
        XCTAssertEqual(formats.date(year: 2026, month: 1, day: 10), "10 janvier 2026", "not the first's day with the second's month")
    }
}
