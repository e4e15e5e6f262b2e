import Content
import Site
import XCTest

/// `--strict` per locale: fallbacks and outdated translations are errors in the locales named,
/// at the place each translation belongs, with the line quoted.
final class StrictTranslationsTests: XCTestCase {
    private func site(french: String) throws -> FixtureSite {
        try FixtureSite(Fixture.files(roles: [
            Fixture.role("dev", title: "Developer", plural: "Developers", extra: ["fr.json": french]),
        ]))
    }

    func testStrictLocaleReportsFallbacksAtTheirFiles() throws {
        let site = try site(french: "{\n  \"title\": \"Développeur\"\n}\n")
        let report = site.build(strict: .locales(["fr"]))
        let errors = report.diagnostics.errors.filter { $0.location?.file == "content/roles/dev/fr.json" }
        XCTAssertEqual(errors.first?.rendered, """
            content/roles/dev/fr.json:1:1: error: no `fr` text for `description` of role `dev`: the `en` text is shown instead (--strict forbids fallbacks)
                {
                ^
            """)
        XCTAssertTrue(report.diagnostics.errors.contains { $0.description == "content/roles/dev/analysis.fr.md:1:1: error: no `fr` text for `analysis` of role `dev`: the `en` text is shown instead (--strict forbids fallbacks)" })
        XCTAssertFalse(report.diagnostics.errors.contains { $0.message.contains("`title` of role") }, "title is translated")
        XCTAssertFalse(site.exists("index.html"), "a strict failure writes nothing")
    }

    func testOutdatedTranslationIsAnErrorOnlyUnderStrict() throws {
        let site = try site(french: "{\n  \"title\": \"Développeur\"\n}\n")
        var records = TranslationRecords(locale: "fr", fingerprints: [:])
        records.fingerprints["content/roles/dev/fr.json#title"] = TranslationRecords.fingerprint("Dev")
        try site.write(records.json(), to: "translations/fr.json")

        let lenient = site.build()
        XCTAssertTrue(lenient.succeeded)
        // Only the role's title has a record: it is outdated because its source changed; every
        // other French translation is outdated because it was never marked as reviewed.
        XCTAssertEqual(lenient.outdated.filter { $0.role == "dev" }.map(\.field), ["title"])
        XCTAssertTrue(lenient.outdated.contains { $0.field == "strings.hero.title" })
        XCTAssertTrue(lenient.summary.contains(" · \(lenient.outdated.count) outdated (fr \(lenient.outdated.count); `rolegen translations` lists them) · "), lenient.summary)

        let strict = site.build(strict: .allLocales)
        XCTAssertTrue(strict.diagnostics.errors.map(\.rendered).contains("""
            content/roles/dev/fr.json:2:12: error: the `fr` text for `title` of role `dev` was translated from an earlier `en` text: update it, then run `rolegen translations mark fr` (--strict forbids outdated translations)
                  "title": "Développeur"
                           ^
            """), strict.diagnostics.map(\.rendered).joined(separator: "\n"))
        XCTAssertTrue(strict.diagnostics.errors.contains {
            $0.description == "locales/fr.json:12:14: error: the `fr` text for `strings.hero.title` is not marked as reviewed: check it, then run `rolegen translations mark fr` (--strict forbids outdated translations)"
        }, "in a tracked locale, a translation never marked is reported too")
    }

    func testStrictNamingAnUntranslatedLocaleIsAnError() throws {
        let site = try site(french: #"{ "title": "Développeur" }"#)
        let report = site.build(strict: .locales(["en"]))
        XCTAssertEqual(report.diagnostics.errors.map(\.description), [
            "error: --strict names `en`, which is not a locale the site translates into (`en` is the default)",
        ])
    }
}
