import Localization
import XCTest

@testable import Site

/// Numbers and percentages from 0 to 100 are formatted once per locale; the others as asked.
/// Both come out as the locale's rules format them.
final class SmallNumbersTests: XCTestCase {
    func testTheTableAndTheRulesAgree() throws {
        let rules = try XCTUnwrap(LocaleRules.builtIn("fr"))
        let numbers = SmallNumbers(rules)
        for n in [-1, 0, 7, 42, 100, 101, 12_345] {
            XCTAssertEqual(numbers.number(n), rules.number(n), "\(n)")
            XCTAssertEqual(numbers.percent(n), rules.percent(n), "\(n) %")
        }
        XCTAssertEqual(numbers.percent(42), "42\u{00A0}%")
        XCTAssertEqual(numbers.number(12_345), "12\u{202F}345")
    }
}
