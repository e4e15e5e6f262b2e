import Foundation
import TestSupport
import XCTest

/// `rolegen translations` and `rolegen translations mark` on a small site written inline: the
/// status table, the listing, the JSON report, and the outdated-translation workflow.
final class TranslationsCLITests: XCTestCase {
    static let files: [String: String] = [
        "site.json": """
            { "title": "T", "baseURL": "https://t.example/", "defaultLocale": "en", "locales": ["en", "fr"] }
            """,
        "content/sectors.json": #"{ "sectors": [ { "id": "tech", "name": { "en": "Technology", "fr": "Technologie" } } ] }"#,
        "content/tools.json": #"{ "tools": [ { "id": "copilot", "name": "Copilot", "description": { "en": "Writes code." } } ] }"#,
        "content/roles/dev/role.json": """
            { "sector": "tech", "riskScore": 40, "automationPotential": 40, "saferPeersPercent": 30,
              "impactYears": { "from": 5, "to": 7 }, "salaryPremium": 18, "demandTrend": "growing",
              "tasks": [ { "id": "crud", "exposure": "automated" } ], "skills": [],
              "replacingTools": [], "toolsToLearn": [], "relatedRoles": [], "lastReviewed": "2026-10-01" }
            """,
        "content/roles/dev/en.json": """
            { "title": "Developer", "titlePlural": "Developers", "description": "About developers.",
              "tasks": { "crud": "Writing CRUD endpoints" }, "roadmap": [], "quickWins": [] }
            """,
        "content/roles/dev/fr.json": """
            {
              "title": "Développeur",
              "titlePlural": "Développeurs"
            }
            """,
        "content/roles/dev/analysis.en.md": "Analysis.\n",
        "content/roles/dev/verdict.en.md": "Verdict.\n",
        "content/roles/dev/verdict.fr.md": "Verdict en français.\n",
        "locales/en.json": #"{ "hero": { "title": "Will AI replace {titlePlural}?" }, "nav": { "home": "Home" } }"#,
        "locales/fr.json": #"{ "hero": { "title": "L'IA va-t-elle remplacer les {titlePlural} ?" } }"#,
    ]

    func testStatusTablePerLocale() throws {
        let site = try TemporarySite(Self.files, testCase: self)
        let result = try RolegenProcess.run(["translations", "--root", site.root.path])
        XCTAssertEqual(result.stderr, "")
        XCTAssertEqual(result.status, 0)
        XCTAssertEqual(result.stdout, """
            fr: 50% translated · 0 outdated · 5 fallback (not tracked for outdated text: run `rolegen translations mark fr` to start)
                                    translated    outdated    fallback   total
              UI strings               1   50%     0    0%     1   50%       2
              catalogs                 1   50%     0    0%     1   50%       2
              dev                      3   50%     0    0%     3   50%       6
              total                    5   50%     0    0%     5   50%      10

            --list shows each value to translate, where it goes and its en text.

            """)
    }

    func testListingSaysWhereEachTranslationGoes() throws {
        let site = try TemporarySite(Self.files, testCase: self)
        let result = try RolegenProcess.run(["translations", "--root", site.root.path, "--list"])
        XCTAssertEqual(result.status, 0)
        let listing = result.stdout.components(separatedBy: "\n").drop { !$0.hasPrefix("  fallback") }
        XCTAssertEqual(Array(listing), [
            "  fallback locales/fr.json:1:1: nav.home",
            "           en: Home",
            "  fallback content/tools.json:1:67: tools.copilot.description.fr",
            "           en: Writes code.",
            "  fallback content/roles/dev/analysis.fr.md:1:1: analysis",
            "           en: Analysis.",
            "  fallback content/roles/dev/fr.json:1:1: description",
            "           en: About developers.",
            "  fallback content/roles/dev/fr.json:1:1: tasks.crud",
            "           en: Writing CRUD endpoints",
            "",
        ])
    }

    func testJSONReportHasEveryValueWithItsState() throws {
        let site = try TemporarySite(Self.files, testCase: self)
        let result = try RolegenProcess.run(["translations", "--root", site.root.path, "--format", "json", "--locale", "fr"])
        XCTAssertEqual(result.status, 0)
        let report = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let locale = try XCTUnwrap((report["locales"] as? [[String: Any]])?.first)
        XCTAssertEqual(locale["locale"] as? String, "fr")
        XCTAssertEqual(locale["tracked"] as? Bool, false)
        let items = try XCTUnwrap(locale["items"] as? [[String: Any]])
        XCTAssertEqual(items.count, 10)
        let title = try XCTUnwrap(items.first { $0["field"] as? String == "title" })
        XCTAssertEqual(title["state"] as? String, "translated")
        XCTAssertEqual(title["file"] as? String, "content/roles/dev/fr.json")
        XCTAssertEqual(title["line"] as? Int, 2)
        XCTAssertEqual(title["column"] as? Int, 12)
        XCTAssertEqual(title["source"] as? String, "Developer")
    }

    /// The translator's workflow: mark, the default text changes, the translation is reported
    /// outdated (status and --strict), it is updated and marked again.
    func testOutdatedTranslationWorkflow() throws {
        let site = try TemporarySite(Self.files, testCase: self)
        let mark = try RolegenProcess.run(["translations", "mark", "fr", "--root", site.root.path])
        XCTAssertEqual(mark.status, 0, mark.stderr)
        XCTAssertEqual(mark.stdout, "translations/fr.json: 5 marked as reviewed, 0 dropped, 5 recorded\n")
        XCTAssertTrue(try site.read("translations/fr.json").contains(#""content/roles/dev/fr.json#title": ""#))

        try site.write(try site.read("content/roles/dev/en.json").replacingOccurrences(of: #""Developer""#, with: #""Software Developer""#), to: "content/roles/dev/en.json")
        let status = try RolegenProcess.run(["translations", "--root", site.root.path, "--list"])
        XCTAssertTrue(status.stdout.hasPrefix("fr: 40% translated · 1 outdated · 5 fallback\n"), status.stdout)
        XCTAssertTrue(status.stdout.contains("""
              outdated content/roles/dev/fr.json:2:12: title (the en text changed since it was translated)
                       en: Software Developer
            """), status.stdout)

        let remark = try RolegenProcess.run(["translations", "mark", "fr", "--root", site.root.path, "--role", "dev", "--field", "title"])
        XCTAssertEqual(remark.stdout, "translations/fr.json: 1 marked as reviewed, 0 dropped, 5 recorded\n")
        let after = try RolegenProcess.run(["translations", "--root", site.root.path])
        XCTAssertTrue(after.stdout.hasPrefix("fr: 50% translated · 0 outdated · 5 fallback\n"), after.stdout)
    }

    func testUnknownLocaleIsAUsageError() throws {
        let site = try TemporarySite(Self.files, testCase: self)
        let result = try RolegenProcess.run(["translations", "--root", site.root.path, "--locale", "de"])
        XCTAssertEqual(result.status, 64)
        XCTAssertTrue(result.stderr.contains("`de` is not a locale the site translates into (`fr`; `en` is the default)"), result.stderr)
        let mark = try RolegenProcess.run(["translations", "mark", "en", "--root", site.root.path])
        XCTAssertEqual(mark.status, 64)
        XCTAssertFalse(FileManager.default.fileExists(atPath: site.root.appendingPathComponent("translations").path))
    }
}
