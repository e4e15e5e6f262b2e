import Content
import Foundation
import XCTest

/// A build loads roles without their texts (`keepingTexts: false`): each role keeps what other
/// pages and the checks read, and its texts are read again for its own pages.
final class LeanLoadTests: XCTestCase {
    /// The valid site with a French translation record (one current, one outdated) and a
    /// Markdown file with a link.
    private func site() -> TestSite {
        var site = TestSite.valid
        site.files["translations/fr.json"] = """
            {
              "translatedFrom": {
                "content/roles/backend-developer/fr.json#title": "\(TranslationRecords.fingerprint("Backend Developer"))",
                "content/roles/backend-developer/fr.json#tasks.crud-endpoints": "0000000000000000"
              }
            }
            """
        site.files["content/roles/backend-developer/verdict.en.md"] = "Relatively secure, see [the frontend](role:frontend-developer).\n"
        return site
    }

    func testABudgetKeepsRolesWholeUntilItIsSpent() throws {
        let root = try site().write()
        defer { try? FileManager.default.removeItem(at: root) }
        let wholeSite = try XCTUnwrap(ContentLoader.load(root: root).site)
        let roomy = ContentLoader.load(root: root, keepingTexts: false, keptTexts: .fixed(1 << 30))
        let roomySite = try XCTUnwrap(roomy.site, roomy.diagnostics.map(\.description).joined(separator: "\n"))
        let rereader = try XCTUnwrap(roomy.rereader)
        XCTAssertEqual(roomySite.roles.map(\.slug), wholeSite.roles.map(\.slug))
        for (kept, wholeRole) in zip(roomySite.roles, wholeSite.roles) {
            XCTAssertTrue(kept.hasTexts)
            XCTAssertEqual(kept, wholeRole, "kept whole: the role a whole load gives")
            XCTAssertEqual(rereader.withTexts(kept), wholeRole, "not read again")
        }
        // What the report and the outdated check read is the lean load's.
        XCTAssertEqual(roomySite.fallbacks, wholeSite.fallbacks)
        XCTAssertEqual(TranslationStatus(site: roomySite).outdated, TranslationStatus(site: wholeSite).outdated)
        XCTAssertEqual(roomySite.translations, try XCTUnwrap(ContentLoader.load(root: root, keepingTexts: false).site).translations)

        // A budget smaller than any role keeps none.
        let tight = try XCTUnwrap(ContentLoader.load(root: root, keepingTexts: false, keptTexts: .fixed(1)).site)
        XCTAssertFalse(tight.roles.contains(where: \.hasTexts))
    }

    /// The allowance is taken for the site's number of roles: room for all of them at a few
    /// roles, only the least at many.
    func testTheAllowanceShrinksWithTheNumberOfRoles() throws {
        let root = try site().write()
        defer { try? FileManager.default.removeItem(at: root) }
        let roles = try XCTUnwrap(ContentLoader.load(root: root).site).roles.count
        XCTAssertGreaterThan(roles, 1)
        // Room for every role when the site has fewer than `roles` roles; none at `roles`.
        let shrinking = KeptTextAllowance(bytes: roles << 30, lessPerRole: 1 << 30, atLeast: 1)
        XCTAssertEqual(shrinking.bytes(forRoles: roles - 1), 1 << 30)
        XCTAssertEqual(shrinking.bytes(forRoles: roles), 1)
        let none = try XCTUnwrap(ContentLoader.load(root: root, keepingTexts: false, keptTexts: shrinking).site)
        XCTAssertFalse(none.roles.contains(where: \.hasTexts))
        let roomier = KeptTextAllowance(bytes: (roles + 1) << 30, lessPerRole: 1 << 30, atLeast: 1)
        let all = try XCTUnwrap(ContentLoader.load(root: root, keepingTexts: false, keptTexts: roomier).site)
        XCTAssertTrue(all.roles.allSatisfy(\.hasTexts))
        XCTAssertEqual(KeptTextAllowance.fixed(7).bytes(forRoles: 1_000_000), 7)
    }

    func testLeanLoadReportsWhatAWholeLoadReportsAndReadsTheSameRolesAgain() throws {
        let root = try site().write()
        defer { try? FileManager.default.removeItem(at: root) }
        let whole = ContentLoader.load(root: root)
        let lean = ContentLoader.load(root: root, keepingTexts: false, keepingMarkdown: { $0.contains("](") })
        let wholeSite = try XCTUnwrap(whole.site, whole.diagnostics.map(\.description).joined(separator: "\n"))
        let leanSite = try XCTUnwrap(lean.site)
        XCTAssertEqual(lean.diagnostics, whole.diagnostics)
        XCTAssertNil(whole.rereader)
        let rereader = try XCTUnwrap(lean.rereader)

        // What the report, the outdated check and `--strict` read is the same.
        XCTAssertEqual(leanSite.fallbacks, wholeSite.fallbacks)
        XCTAssertEqual(TranslationStatus(site: leanSite).outdated, TranslationStatus(site: wholeSite).outdated)
        let outdated = TranslationStatus(site: leanSite).outdated.map(\.unit.field)
        XCTAssertTrue(outdated.contains("tasks.crud-endpoints"), "recorded against another text")
        XCTAssertTrue(outdated.contains("analysis"), "never recorded")
        XCTAssertFalse(
            leanSite.translations.contains { $0.role == "backend-developer" && $0.field == "title" }, "the title's translation is current: not kept")
        XCTAssertEqual(
            StrictTranslations.allLocales.diagnostics(for: leanSite, root: root), StrictTranslations.allLocales.diagnostics(for: wholeSite, root: root))
        XCTAssertLessThan(leanSite.translations.count, wholeSite.translations.count, "current translations are not kept")

        XCTAssertEqual(leanSite.roles.map(\.slug), wholeSite.roles.map(\.slug))
        for (leanRole, wholeRole) in zip(leanSite.roles, wholeSite.roles) {
            XCTAssertFalse(leanRole.hasTexts)
            XCTAssertTrue(wholeRole.hasTexts)
            XCTAssertEqual(leanRole.localized, [:])
            XCTAssertEqual(leanRole.outline, wholeRole.outline)
            XCTAssertEqual(rereader.withTexts(leanRole), wholeRole, "read again: the role a whole load gives")
        }
        // Only the Markdown the caller asks for (here: with a link) is kept, for the link checks.
        let backend = try XCTUnwrap(leanSite.role("backend-developer"))
        XCTAssertEqual(backend.texts["en"]?.verdictMarkdown, "Relatively secure, see [the frontend](role:frontend-developer).\n")
        XCTAssertNil(backend.texts["en"]?.analysisMarkdown)
        XCTAssertNil(backend.texts["en"]?.title)
        XCTAssertEqual(backend.outline["fr"]?.title, "Développeur Backend")
        XCTAssertEqual(backend.outline["fr"]?.isFallback("title"), false)
        XCTAssertEqual(backend.outline["fr"]?.isFallback("verdict"), true)
        XCTAssertEqual(rereader.changedRoles, [])
    }

    /// A role is read again for its pages from the bytes its load checked: trusted, it skips the
    /// checks that could only report. What it reads must be what a checked reading gives, also
    /// where the load warned (a range typed with a hyphen, a long description, a translated
    /// article without an original), a blank translation falls back, strings hold escapes and
    /// files start with a byte order mark or end lines with CRLF.
    func testRoleReadAgainTrustedIsTheRoleACheckedReadingGives() throws {
        var site = site()
        site.edit(TestSite.backendEnglish, replacing: #""Code reviews""#, with: #""Code reviews, 2-3 a day: \"LGTM\" \u00e9\n""#)
        let long = String(repeating: "Will AI replace backend developers? ", count: 5)
        site.edit(TestSite.backendEnglish, replacing: #""Will AI replace backend developers?""#, with: "\"\(long)\"")
        site.edit(TestSite.backendFrench, replacing: #""title": "Développeur Backend","#, with: #""title": "Développeur Backend", "titlePlural": "  ","#)
        site.files[TestSite.backendRole] = "\u{FEFF}" + site.files[TestSite.backendRole]!
        site.files["content/roles/backend-developer/article.fr.md"] = "# Plongée\n"
        site.files["content/roles/frontend-developer/verdict.en.md"] = "\u{FEFF}Verdict.\r\nSecond line.\r\n"
        let root = try site.write()
        defer { try? FileManager.default.removeItem(at: root) }
        let whole = ContentLoader.load(root: root)
        let lean = ContentLoader.load(root: root, keepingTexts: false)
        let wholeSite = try XCTUnwrap(whole.site, whole.diagnostics.map(\.description).joined(separator: "\n"))
        XCTAssertEqual(whole.diagnostics.map(\.code), ["RG106", "RG131", "RG132"], whole.diagnostics.map(\.description).joined(separator: "\n"))
        XCTAssertEqual(lean.diagnostics, whole.diagnostics)
        let rereader = try XCTUnwrap(lean.rereader)
        for (leanRole, wholeRole) in zip(try XCTUnwrap(lean.site?.roles), wholeSite.roles) {
            XCTAssertEqual(rereader.withTexts(leanRole), wholeRole, "read again trusted: the role a checked load gives")
        }
        let backend = try XCTUnwrap(wholeSite.role("backend-developer"))
        let codeReviews = try XCTUnwrap(backend.tasks.firstIndex { $0.id == "code-reviews" })
        XCTAssertEqual(backend.texts["en"]?.taskTexts[codeReviews], "Code reviews, 2-3 a day: \"LGTM\" é\n")
        XCTAssertEqual(backend.localized["fr"]?.isFallback("titlePlural"), true)
        XCTAssertEqual(wholeSite.role("frontend-developer")?.texts["en"]?.verdictMarkdown, "Verdict.\nSecond line.\n")
        XCTAssertEqual(rereader.changedRoles, [])
    }

    /// Reading again trusts bytes, not a folder: a file that appears after the load (here one
    /// the load would have refused) makes the role changed, as an edited file does.
    func testFileAddedAfterLoadingMakesTheRoleChanged() throws {
        let root = try site().write()
        defer { try? FileManager.default.removeItem(at: root) }
        let lean = ContentLoader.load(root: root, keepingTexts: false)
        let roles = try XCTUnwrap(lean.site?.roles)
        let rereader = try XCTUnwrap(lean.rereader)
        try "{}".write(to: root.appendingPathComponent("content/roles/frontend-developer/notes.json"), atomically: true, encoding: .utf8)
        try "Verdict.\n".write(to: root.appendingPathComponent("content/roles/backend-developer/verdict.fr.md"), atomically: true, encoding: .utf8)

        XCTAssertNil(rereader.withTexts(try XCTUnwrap(roles.first { $0.slug == "frontend-developer" })))
        XCTAssertNil(rereader.withTexts(try XCTUnwrap(roles.first { $0.slug == "backend-developer" })))
        XCTAssertEqual(rereader.changedRoles, ["backend-developer", "frontend-developer"])
    }

    /// A role whose files change after loading is not read again as if nothing happened: its
    /// pages would show text the build never checked.
    func testRoleEditedAfterLoadingIsReportedNotReadAgain() throws {
        let root = try site().write()
        defer { try? FileManager.default.removeItem(at: root) }
        let lean = ContentLoader.load(root: root, keepingTexts: false)
        let roles = try XCTUnwrap(lean.site?.roles)
        let rereader = try XCTUnwrap(lean.rereader)
        let analysis = root.appendingPathComponent("content/roles/frontend-developer/analysis.en.md")
        try "Frontend development changed while the build ran.\n".write(to: analysis, atomically: true, encoding: .utf8)

        XCTAssertNil(rereader.withTexts(try XCTUnwrap(roles.first { $0.slug == "frontend-developer" })))
        XCTAssertNotNil(rereader.withTexts(try XCTUnwrap(roles.first { $0.slug == "backend-developer" })))
        XCTAssertEqual(rereader.changedRoles, ["frontend-developer"])
    }
}
