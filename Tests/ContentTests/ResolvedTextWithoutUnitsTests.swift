import XCTest

@testable import Content

/// A role read again for its pages resolves its texts without translation units, and then skips
/// working out what only a unit needs (a field's name, a roadmap joined into one source): the
/// text and its fallbacks must be exactly those of a reading that records units.
final class ResolvedTextWithoutUnitsTests: XCTestCase {
    func testTheSameTextAndFallbacksWithAndWithoutUnits() throws {
        let site = try XCTUnwrap(TestSite.valid.load().site)
        var fallbacksSeen = 0
        for role in site.roles {
            for locale in ["en", "fr"] {
                let recorded = role.resolvedText(in: locale, defaultLocale: "en")
                let unrecorded = role.resolvedText(in: locale, defaultLocale: "en", recordingUnits: false)
                XCTAssertEqual(unrecorded.text, recorded.text, "\(role.slug) in \(locale)")
                XCTAssertEqual(unrecorded.units, [])
                XCTAssertEqual(unrecorded.text.fallbackFields, Set(recorded.units.filter { !$0.isTranslated }.map(\.field)))
                fallbacksSeen += unrecorded.text.fallbackFields.count
            }
        }
        // The French backend role falls back on its roadmap, FAQ and quick wins; the frontend
        // role has an empty roadmap and no quick wins, which are no fallback.
        let backend = try XCTUnwrap(site.role("backend-developer")).resolvedText(in: "fr", defaultLocale: "en", recordingUnits: false)
        XCTAssertTrue(backend.text.fallbackFields.isSuperset(of: ["roadmap", "faq", "quickWins"]), "\(backend.text.fallbackFields)")
        let frontend = try XCTUnwrap(site.role("frontend-developer")).resolvedText(in: "fr", defaultLocale: "en", recordingUnits: false)
        XCTAssertFalse(frontend.text.fallbackFields.contains("roadmap"))
        XCTAssertFalse(frontend.text.fallbackFields.contains("quickWins"))
        XCTAssertGreaterThan(fallbacksSeen, 0)
    }
}
