import Content
import XCTest

/// Outdated translations: a record of what each translation was made from, and the states that
/// the status, the build summary and `--strict` read.
final class TranslationStatusTests: XCTestCase {
    /// The valid test site with every French translation marked as reviewed.
    private func reviewedSite() throws -> TestSite {
        var site = TestSite.valid
        var records = TranslationRecords(locale: "fr", fingerprints: [:])
        records.markReviewed(try XCTUnwrap(try site.load().site).translations)
        site.files["translations/fr.json"] = records.json()
        return site
    }

    private func states(_ site: TestSite) throws -> [String: TranslationStatus.State] {
        let content = try XCTUnwrap(try site.load().site)
        return Dictionary(uniqueKeysWithValues: TranslationStatus(site: content).items.map { ($0.unit.place.description, $0.state) })
    }

    func testUntrackedLocaleHasNoOutdatedTranslations() throws {
        let content = try XCTUnwrap(try TestSite.valid.load().site)
        let status = TranslationStatus(site: content)
        XCTAssertEqual(status.trackedLocales, [])
        XCTAssertEqual(status.outdated, [])
        XCTAssertEqual(status.items.filter { $0.state == .fallback }.map(\.unit.fallback), content.fallbacks)
    }

    func testMarkedTranslationsAreCurrentUntilTheDefaultTextChanges() throws {
        var site = try reviewedSite()
        XCTAssertEqual(try states(site).values.filter { $0 == .outdated }.count, 0)

        site.edit(TestSite.backendEnglish, replacing: #""title": "Backend Developer""#, with: #""title": "Back-end Developer""#)
        site.files["content/roles/backend-developer/analysis.en.md"] = "Backend development is *very* resilient.\n"
        let content = try XCTUnwrap(try site.load().site)
        let outdated = TranslationStatus(site: content).outdated
        XCTAssertEqual(outdated.map(\.unit.place.description), [
            "content/roles/backend-developer/analysis.fr.md",
            "content/roles/backend-developer/fr.json#title",
        ])
        XCTAssertEqual(outdated.map(\.hasRecord), [true, true])
        XCTAssertEqual(outdated.last?.unit.source, "Back-end Developer", "the new default text is what to translate")
    }

    func testNewTranslationInATrackedLocaleIsOutdatedUntilMarked() throws {
        var site = try reviewedSite()
        site.edit(TestSite.backendFrench, replacing: #""tasks""#, with: #""titlePlural": "Développeurs Backend", "tasks""#)
        let content = try XCTUnwrap(try site.load().site)
        let outdated = TranslationStatus(site: content).outdated
        XCTAssertEqual(outdated.map(\.unit.place.description), ["content/roles/backend-developer/fr.json#titlePlural"])
        XCTAssertEqual(outdated.map(\.hasRecord), [false])

        var records = try XCTUnwrap(content.translationRecords["fr"])
        records.markReviewed(content.translations) { $0.field == "titlePlural" }
        site.files["translations/fr.json"] = records.json()
        XCTAssertEqual(try states(site)["content/roles/backend-developer/fr.json#titlePlural"], .translated)
    }

    func testMarkingDropsRecordsOfValuesNoLongerTranslated() throws {
        var site = try reviewedSite()
        site.edit(TestSite.backendFrench, replacing: #""title": "Développeur Backend","#, with: "")
        let content = try XCTUnwrap(try site.load().site)
        var records = try XCTUnwrap(content.translationRecords["fr"])
        XCTAssertNotNil(records.fingerprints["content/roles/backend-developer/fr.json#title"])
        records.markReviewed(content.translations)
        XCTAssertNil(records.fingerprints["content/roles/backend-developer/fr.json#title"])
    }

    func testRecordsFileIsSortedOneRecordPerLine() {
        let records = TranslationRecords(locale: "fr", fingerprints: [
            "locales/fr.json#hero.title": "00000000000000ff",
            "content/roles/a/fr.json#title": "0123456789abcdef",
        ])
        XCTAssertEqual(records.json(), """
        {
          "$schema": "../docs/schemas/translations.schema.json",
          "translatedFrom": {
            "content/roles/a/fr.json#title": "0123456789abcdef",
            "locales/fr.json#hero.title": "00000000000000ff"
          }
        }

        """)
    }

    func testFingerprintsAreStableAcrossRuns() {
        // FNV-1a 64 of "" and of "a": fixed values, never seeded per process.
        XCTAssertEqual(TranslationRecords.fingerprint(""), "cbf29ce484222325")
        XCTAssertEqual(TranslationRecords.fingerprint("a"), "af63dc4c8601ec8c")
    }

    func testRecordsFileMistakes() throws {
        var site = TestSite.valid
        site.files["translations/fr.json"] = """
        {
          "translatedFrom": { "locales/fr.json#hero.title": "XYZ" },
          "translatedFro": {}
        }
        """
        site.files["translations/en.json"] = "{}"
        XCTAssertEqual(try site.diagnostics(), [
            "translations/en.json:1:1: error: unexpected file `en.json` in `translations/` — did you mean `fr.json`?",
            "translations/fr.json:2:53: error: the record of `locales/fr.json#hero.title` must be 16 hexadecimal digits as `rolegen translations mark` writes them, found `XYZ`",
            "translations/fr.json:3:3: error: unknown field `translatedFro` — did you mean `translatedFrom`?",
        ])
    }
}
