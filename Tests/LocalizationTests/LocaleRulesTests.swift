import Localization
import XCTest

/// Narrow no-break space (U+202F) and no-break space (U+00A0), named so expectations read.
let nnbsp = "\u{202F}"
let nbsp = "\u{00A0}"

final class LocaleRulesTests: XCTestCase {
    private let en = LocaleRules.builtIn("en")!
    private let fr = LocaleRules.builtIn("fr")!

    func testBuiltInLocales() {
        XCTAssertEqual(LocaleRules.supportedIdentifiers, ["en", "fr"])
        XCTAssertEqual(en.identifier, "en")
        XCTAssertEqual(fr.identifier, "fr")
        XCTAssertNil(LocaleRules.builtIn("de"))
        XCTAssertNil(LocaleRules.builtIn("fr-CA"))
        XCTAssertNil(LocaleRules.builtIn("EN"))
    }

    func testEnglishPluralIsOneOnlyForOne() {
        XCTAssertEqual(en.pluralCategory(1), .one)
        XCTAssertEqual(en.pluralCategory(-1), .one)
        for n in [0, 2, 5, 21, 1_000_000, -2, Int.min, Int.max] {
            XCTAssertEqual(en.pluralCategory(n), .other, "\(n)")
        }
    }

    func testFrenchPluralTreatsZeroAndOneAsSingular() {
        XCTAssertEqual(fr.pluralCategory(0), .one)
        XCTAssertEqual(fr.pluralCategory(1), .one)
        XCTAssertEqual(fr.pluralCategory(-1), .one)
        for n in [2, 5, 999_999, 1_000_001, 2_500_000, Int.max, Int.min] {
            XCTAssertEqual(fr.pluralCategory(n), .other, "\(n)")
        }
        for n in [1_000_000, 2_000_000, 1_000_000_000, -3_000_000] {
            XCTAssertEqual(fr.pluralCategory(n), .many, "\(n)")
        }
    }

    func testNumbersGroupDigitsByThree() {
        XCTAssertEqual(en.number(0), "0")
        XCTAssertEqual(en.number(999), "999")
        XCTAssertEqual(en.number(-999), "-999")
        XCTAssertEqual(en.number(1000), "1,000")
        XCTAssertEqual(en.number(10_000), "10,000")
        XCTAssertEqual(en.number(1_234_567), "1,234,567")
        XCTAssertEqual(en.number(-1234), "-1,234")
        XCTAssertEqual(en.number(Int.min), "-9,223,372,036,854,775,808")
        XCTAssertEqual(fr.number(10_000), "10\(nnbsp)000")
        XCTAssertEqual(fr.number(1_234_567), "1\(nnbsp)234\(nnbsp)567")
        XCTAssertEqual(fr.number(-1234), "-1\(nnbsp)234")
        XCTAssertEqual(fr.number(42), "42")
    }

    func testPercent() {
        XCTAssertEqual(en.percent(40), "40%")
        XCTAssertEqual(fr.percent(40), "40\(nbsp)%")
        XCTAssertEqual(en.percent(1500), "1,500%")
        XCTAssertEqual(fr.percent(-5), "-5\(nbsp)%")
    }

    func testYearRange() {
        XCTAssertEqual(en.yearRange(from: 5, to: 7), "5–7")
        XCTAssertEqual(fr.yearRange(from: 5, to: 7), "5\(nbsp)à\(nbsp)7")
        XCTAssertEqual(en.yearRange(from: 5, to: 5), "5")
        XCTAssertEqual(fr.yearRange(from: 3, to: 3), "3")
        XCTAssertEqual(en.yearRange(from: 1000, to: 2000), "1,000–2,000")
    }

    func testDates() {
        XCTAssertEqual(en.date(year: 2026, month: 10, day: 1), "October 1, 2026")
        XCTAssertEqual(en.date(year: 2026, month: 1, day: 31), "January 31, 2026")
        XCTAssertEqual(fr.date(year: 2026, month: 10, day: 1), "1er octobre 2026")
        XCTAssertEqual(fr.date(year: 2026, month: 11, day: 21), "21 novembre 2026")
        XCTAssertEqual(fr.date(year: 2027, month: 8, day: 11), "11 août 2027")
        XCTAssertEqual(fr.date(year: 12345, month: 2, day: 2), "2 février 12345", "years are never grouped")
    }

    /// Sentences never run together: each gets a full stop unless it already ends a sentence.
    func testSentences() {
        XCTAssertEqual(en.sentences([]), "")
        XCTAssertEqual(en.sentences(["Install Copilot for your next endpoint", "Use ChatGPT "]),
                       "Install Copilot for your next endpoint. Use ChatGPT.")
        XCTAssertEqual(en.sentences(["Done.", "Really?", "Go!", "Wait…"]), "Done. Really? Go! Wait…")
        // Trailing white space of any kind goes; a mark combined onto the stop makes it another character.
        XCTAssertEqual(en.sentences(["Go!\u{00A0}\t\n", "Ship it\u{2003}", "   "]), "Go! Ship it. ")
        XCTAssertEqual(en.sentences(["Done.\u{0301}"]), "Done.\u{0301}.")
        XCTAssertEqual(fr.sentences(["Déployez l’API", "Révisez !"]), "Déployez l’API. Révisez !")
    }

    func testLists() {
        XCTAssertEqual(en.list([]), "")
        XCTAssertEqual(en.list(["a"]), "a")
        XCTAssertEqual(en.list(["a", "b"]), "a and b")
        XCTAssertEqual(en.list(["a", "b", "c"]), "a, b, and c")
        XCTAssertEqual(en.list(["a", "b", "c", "d"]), "a, b, c, and d")
        XCTAssertEqual(fr.list(["a"]), "a")
        XCTAssertEqual(fr.list(["a", "b"]), "a et b")
        XCTAssertEqual(fr.list(["a", "b", "c"]), "a, b et c")
        XCTAssertEqual(fr.list(["a", "b", "c", "d"]), "a, b, c et d")
    }

    func testEnglishTypographyIsIdentity() {
        let text = "Note: hello ; world! « quoted » what?!"
        XCTAssertEqual(en.typography(text: text), text)
        XCTAssertEqual(en.typography(html: "<p>\(text)</p>"), "<p>\(text)</p>")
    }
}
