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

    /// A roadmap's unit holds it as one text (what a translation record fingerprints): each
    /// phase's title, timeframe, summary if any and steps on lines, phases apart by a blank line.
    func testARoadmapsSourceIsItsPhasesLineByLine() {
        let roadmap = [
            RoadmapPhase(title: "Augmented", timeframe: "0–12 months", summary: "Master the tools", steps: ["Learn Copilot", "Pair with it"]),
            RoadmapPhase(title: "Architect", timeframe: "1–3 years", summary: nil, steps: ["Design systems"]),
        ]
        XCTAssertEqual(
            RoleTextField.source(of: roadmap),
            "Augmented\n0–12 months\nMaster the tools\nLearn Copilot\nPair with it\n\nArchitect\n1–3 years\nDesign systems")
        XCTAssertEqual(RoleTextField.source(of: [RoadmapPhase]()), "")
        XCTAssertEqual(RoleTextField.source(of: [RoadmapPhase(title: "", timeframe: "", summary: nil, steps: [])]), "\n")
    }
}
