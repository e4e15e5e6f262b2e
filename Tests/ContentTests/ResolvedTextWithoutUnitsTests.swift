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

    /// Units come out in the order the loader sorts them in (fields by name, a list's ids
    /// sorted, so `tasks.b10` before `tasks.b2`), so that the sort only checks them.
    func testUnitsComeOutSorted() throws {
        var site = TestSite.valid
        site.edit(TestSite.backendRole, replacing: #""id": "code-reviews""#, with: #""id": "b10""#)
        site.edit(TestSite.backendRole, replacing: #""id": "system-design", "exposure""#, with: #""id": "b2", "exposure""#)
        site.edit(TestSite.backendEnglish, replacing: #""code-reviews""#, with: #""b10""#)
        site.edit(TestSite.backendEnglish, replacing: #""system-design": "Architecting"#, with: #""b2": "Architecting"#)
        let loaded = try XCTUnwrap(site.load().site)
        var unitsSeen = 0
        for role in loaded.roles {
            let units = role.resolvedText(in: "fr", defaultLocale: "en").units
            XCTAssertEqual(units.map(\.field), units.sorted().map(\.field), role.slug)
            unitsSeen += units.count
        }
        let backend = try XCTUnwrap(loaded.role("backend-developer")).resolvedText(in: "fr", defaultLocale: "en").units.map(\.field)
        XCTAssertEqual(backend.filter { $0.hasPrefix("tasks.") }, ["tasks.b10", "tasks.b2", "tasks.crud-endpoints"])
        XCTAssertGreaterThan(unitsSeen, 10)
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
