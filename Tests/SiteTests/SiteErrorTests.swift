import Diagnostics
import Foundation
import Site
import XCTest

/// Invalid sites: each mistake a template or string-table author can make, with the exact
/// message and position, and nothing written.
final class SiteErrorTests: XCTestCase {
    private func site(_ extra: [String: String]) throws -> FixtureSite {
        var files = Fixture.files(roles: [Fixture.role("backend", title: "Backend Developer", plural: "Backend Developers")])
        files.merge(extra) { _, new in new }
        return try FixtureSite(files)
    }

    private func descriptions(_ report: BuildReport, _ severity: Severity = .error) -> [String] {
        report.diagnostics.filter { $0.severity == severity }.map(\.description)
    }

    func testTemplateUsingUndefinedUIStringIsAnErrorAtItsPosition() throws {
        let site = try site([:])
        let faq = site.root.appendingPathComponent("templates/sections/faq.html")
        let text = try String(contentsOf: faq, encoding: .utf8).replacingOccurrences(of: "{{{t.faq.title}}}", with: "{{{t.faq.titel}}}")
        try Data(text.utf8).write(to: faq)
        let report = site.build()
        XCTAssertEqual(descriptions(report), [
            "templates/sections/faq.html:3:7: error: unknown UI string `faq.titel`: no table in locales/ defines it — did you mean `faq.title`?",
        ])
        XCTAssertTrue(descriptions(report, .warning).contains("locales/en.json:110:14: warning: UI string `faq.title` is defined but no template uses it"), "\(descriptions(report, .warning))")
        XCTAssertFalse(FileManager.default.fileExists(atPath: site.output.path))
    }

    func testUnknownNameInTemplateIsReportedOnceWithPosition() throws {
        let site = try site([:])
        let hero = site.root.appendingPathComponent("templates/sections/hero.html")
        let text = try String(contentsOf: hero, encoding: .utf8).replacingOccurrences(of: "{{role.description}}", with: "{{role.descripton}}")
        try Data(text.utf8).write(to: hero)
        let report = site.build()
        // Rendered for two pages (en and fr), reported once.
        XCTAssertEqual(descriptions(report), [
            "templates/sections/hero.html:4:101: error: unknown name `role.descripton` — did you mean `role.description`?",
        ])
        XCTAssertFalse(FileManager.default.fileExists(atPath: site.output.path))
    }

    func testMessageSyntaxErrorPointsIntoTheString() throws {
        let site = try site([:])
        let table = site.root.appendingPathComponent("locales/fr.json")
        let text = try String(contentsOf: table, encoding: .utf8).replacingOccurrences(
            of: #""automatedCount": "{automatedCount, plural, one {# tâche} other {# tâches}}""#,
            with: #""automatedCount": "{automatedCount, plural, one {# tâche}}""#)
        try Data(text.utf8).write(to: table)
        let report = site.build()
        // Column 24 is the message's `{`, just inside the JSON string's opening quote.
        XCTAssertEqual(descriptions(report), [
            "locales/fr.json:34:24: error: invalid UI string: plural argument `automatedCount` has no `other` branch",
        ])
    }

    /// At the argument's name in the string, not at the string's opening quote.
    func testUnknownMessageArgumentIsAnError() throws {
        let site = try site([:])
        let table = site.root.appendingPathComponent("locales/en.json")
        let text = try String(contentsOf: table, encoding: .utf8).replacingOccurrences(
            of: #""title": "Will AI replace {titlePlural}?""#, with: #""title": "Will AI replace {titlePlurl}?""#)
        try Data(text.utf8).write(to: table)
        let report = site.build()
        XCTAssertEqual(descriptions(report), [
            "locales/en.json:12:32: error: UI string `hero.title` uses unknown argument `{titlePlurl}` — did you mean `titlePlural`?",
        ])
    }

    func testKeyOnlyInATranslationIsAWarning() throws {
        let site = try site([:])
        let table = site.root.appendingPathComponent("locales/fr.json")
        let text = try String(contentsOf: table, encoding: .utf8).replacingOccurrences(of: #""verdict": { "title": "Verdict" }"#, with: #""verdict": { "title": "Verdict", "titel": "Verdict" }"#)
        try Data(text.utf8).write(to: table)
        let report = site.build()
        XCTAssertTrue(report.succeeded, "\(descriptions(report))")
        XCTAssertEqual(descriptions(report, .warning), [
            "locales/fr.json:62:36: warning: string `verdict.titel` is not in locales/en.json, so no page uses it — did you mean `verdict.title`?",
        ])
    }

    func testTemplateSyntaxErrorsAreAllReported() throws {
        let site = try site([
            "templates/partials/footer.html": "<footer>{{#nav}}</footer>\n",
            "templates/partials/header.html": "<header>{{/site}}</header>\n",
        ])
        let report = site.build()
        XCTAssertEqual(report.diagnostics.errors.map(\.location?.file), ["templates/partials/footer.html", "templates/partials/header.html"], "\(descriptions(report))")
    }

    func testContentErrorsStopTheBuildBeforeAnythingIsWritten() throws {
        let site = try site(["content/roles/backend/role.json": #"{ "sector": "technolgy" }"#])
        let report = site.build()
        XCTAssertFalse(report.succeeded)
        XCTAssertTrue(descriptions(report).contains { $0.contains("did you mean `technology`?") }, "\(descriptions(report))")
        XCTAssertFalse(FileManager.default.fileExists(atPath: site.output.path))
    }

    /// A locale without its own `language.name` would appear in the language switcher under the
    /// default language's name: a warning at its table.
    func testUntranslatedLanguageNameIsAWarning() throws {
        let site = try site([:])
        let table = site.root.appendingPathComponent("locales/fr.json")
        let text = try String(contentsOf: table, encoding: .utf8).replacingOccurrences(of: #""name": "Français""#, with: #""nom": "Français""#)
        XCTAssertNotEqual(text, try String(contentsOf: table, encoding: .utf8), "the fixture's French table names its language")
        try Data(text.utf8).write(to: table)
        let report = site.build()
        XCTAssertTrue(descriptions(report, .warning).contains(
            "locales/fr.json:1:1: warning: `language.name` is not translated for `fr`: the language switcher would call this locale `English` — write the language's own name (`Français`)"),
            "\(descriptions(report, .warning))")
    }

    // MARK: Quoted lines and exact columns

    func testAMessageSyntaxErrorAfterJSONEscapesIsAtItsColumnWithTheLineQuoted() throws {
        let site = try site([:])
        let table = site.root.appendingPathComponent("locales/fr.json")
        // `\"`, `\u00e9` and a surrogate pair stand for 1, 2 and 4 bytes but take 2, 6 and 12
        // columns: the error's column must count what is written.
        let written = #""automatedCount": "\"Caf\u00e9\" \ud83d\ude00 {automatedCount, plural, one {# tâche}}""#
        let text = try String(contentsOf: table, encoding: .utf8).replacingOccurrences(
            of: #""automatedCount": "{automatedCount, plural, one {# tâche} other {# tâches}}""#, with: written)
        try Data(text.utf8).write(to: table)
        let report = site.build()
        let line = "    " + written + ","
        // The message's `{`: 4 spaces, `"automatedCount": "` (19), then 27 columns of escapes.
        let column = 4 + 19 + 27 + 1
        XCTAssertEqual(report.diagnostics.errors.map(\.rendered), ["""
            locales/fr.json:34:\(column): error: invalid UI string: plural argument `automatedCount` has no `other` branch
                \(line)
                \(String(repeating: " ", count: column - 1))^
            """])
    }

    func testUIStringAndTemplateNameErrorsQuoteTheirLine() throws {
        let site = try site([:])
        let faq = site.root.appendingPathComponent("templates/sections/faq.html")
        let faqText = try String(contentsOf: faq, encoding: .utf8).replacingOccurrences(of: "{{{t.faq.title}}}", with: "{{{t.faq.titel}}}")
        try Data(faqText.utf8).write(to: faq)
        var rendered = site.build().diagnostics.map(\.rendered)
        let english = try String(contentsOf: site.root.appendingPathComponent("locales/en.json"), encoding: .utf8)
        let faqTitleLine = english.components(separatedBy: "\n").firstIndex { $0.contains(#""title": "Frequently Asked Questions""#) }! + 1
        XCTAssertTrue(rendered.contains("""
            templates/sections/faq.html:3:7: error: unknown UI string `faq.titel`: no table in locales/ defines it — did you mean `faq.title`?
                  <h2>{{{t.faq.titel}}}</h2>
                      ^
            """), rendered.joined(separator: "\n"))
        XCTAssertTrue(rendered.contains("""
            locales/en.json:\(faqTitleLine):14: warning: UI string `faq.title` is defined but no template uses it
                    "title": "Frequently Asked Questions",
                             ^
            """), rendered.joined(separator: "\n"))

        let table = site.root.appendingPathComponent("locales/en.json")
        let tableText = try String(contentsOf: table, encoding: .utf8).replacingOccurrences(
            of: #""title": "Will AI replace {titlePlural}?""#, with: #""title": "Will AI replace {titlePlurl}?""#)
        try Data(tableText.utf8).write(to: table)
        rendered = site.build().diagnostics.map(\.rendered)
        XCTAssertTrue(rendered.contains("""
            locales/en.json:12:32: error: UI string `hero.title` uses unknown argument `{titlePlurl}` — did you mean `titlePlural`?
                    "title": "Will AI replace {titlePlurl}?",
                                               ^
            """), rendered.joined(separator: "\n"))
    }

    /// Mistakes in content, a UI string, a template's syntax and two templates' names, all in
    /// one run: no kind of file hides the others, and render errors come from every template.
    func testEveryMistakeIsReportedInOneRun() throws {
        var files = Fixture.files(roles: [
            Fixture.role("backend", title: "Backend Developer", plural: "Backend Developers"),
            Fixture.role("frontend", title: "Frontend Developer", plural: "Frontend Developers"),
        ])
        files["content/roles/frontend/role.json"] = files["content/roles/frontend/role.json"]!.replacingOccurrences(of: "\"riskScore\"", with: "\"riskScroe\"")
        let site = try FixtureSite(files)
        func edit(_ path: String, _ old: String, _ new: String) throws {
            let url = site.root.appendingPathComponent(path)
            let text = try String(contentsOf: url, encoding: .utf8)
            XCTAssertTrue(text.contains(old), "\(path) contains \(old)")
            try Data(text.replacingOccurrences(of: old, with: new).utf8).write(to: url)
        }
        try edit("locales/fr.json", #""automatedCount": "{automatedCount, plural, one {# tâche} other {# tâches}}""#, #""automatedCount": "{automatedCount, plural, one {# tâche}}""#)
        try edit("templates/sections/quick-wins.html", "</section>", "{{#oops}}</section>")
        try edit("templates/sections/hero.html", "{{role.description}}", "{{role.descripton}}")
        try edit("templates/sections/salary.html", "{{role.salaryPremium}}", "{{role.salaryPremum}}")
        let report = site.build()
        XCTAssertEqual(descriptions(report), [
            "content/roles/frontend/role.json:1:27: error: unknown field `riskScroe` — did you mean `riskScore`?",
            "locales/fr.json:34:24: error: invalid UI string: plural argument `automatedCount` has no `other` branch",
            "templates/sections/hero.html:4:101: error: unknown name `role.descripton` — did you mean `role.description`?",
            "templates/sections/quick-wins.html:9:1: error: section `oops` is never closed",
            "templates/sections/salary.html:8:39: error: unknown name `role.salaryPremum` — did you mean `role.salaryPremium`?",
        ])
        XCTAssertFalse(FileManager.default.fileExists(atPath: site.output.path))
    }

    /// A file name cannot forge a diagnostic line or drive the terminal.
    func testFileNamesInDiagnosticsAreEscaped() throws {
        let site = try site(["content/x\nsite.json:1:1: error: forged \u{1B}[2J": "{}"])
        let report = site.build()
        XCTAssertEqual(report.diagnostics.map(\.rendered), [
            "content/x\\u{A}site.json:1:1: error: forged \\u{1B}[2J:1:1: error: unexpected file `x\\u{A}site.json:1:1: error: forged \\u{1B}[2J` in `content/`",
        ])
    }

    // MARK: Which name is the typo

    private func editFile(_ site: FixtureSite, _ path: String, _ old: String, _ new: String) throws {
        let url = site.root.appendingPathComponent(path)
        let text = try String(contentsOf: url, encoding: .utf8)
        XCTAssertTrue(text.contains(old), "\(path) contains \(old)")
        try Data(text.replacingOccurrences(of: old, with: new).utf8).write(to: url)
    }

    /// The default table misspells a key that the templates and the French table agree on: the
    /// error is at the typo, suggesting the right name, never the other way round.
    func testAMisspeltDefaultKeyIsReportedAtItsDefinition() throws {
        let site = try site([:])
        try editFile(site, "locales/en.json", #""title": "Frequently Asked Questions""#, #""titel": "Frequently Asked Questions""#)
        let report = site.build()
        let line = try String(contentsOf: site.root.appendingPathComponent("locales/en.json"), encoding: .utf8)
            .components(separatedBy: "\n").firstIndex { $0.contains(#""titel""#) }! + 1
        XCTAssertEqual(descriptions(report), [
            "locales/en.json:\(line):14: error: UI string `faq.titel` is used by no template, which use `faq.title` as the other locales' tables name it — did you mean `faq.title`?",
        ])
        XCTAssertEqual(descriptions(report, .warning).filter { $0.contains("faq.") }, [], "no follow-on suggesting the typo")
    }

    /// The template misspells a key the tables agree on: the error is at the template.
    func testAMisspeltTemplateKeyIsReportedAtTheTemplate() throws {
        let site = try site([:])
        try editFile(site, "templates/sections/faq.html", "{{{t.faq.title}}}", "{{{t.faq.titel}}}")
        XCTAssertEqual(descriptions(site.build()), [
            "templates/sections/faq.html:3:7: error: unknown UI string `faq.titel`: no table in locales/ defines it — did you mean `faq.title`?",
        ])
    }

    /// When no translation tells which name is right, neither is offered as the other's fix.
    func testAnUndecidableTypoSuggestsNeither() throws {
        let site = try site([:])
        try editFile(site, "locales/en.json", #""title": "Frequently Asked Questions""#, #""titel": "Frequently Asked Questions""#)
        try editFile(site, "locales/fr.json", #""title": "Questions Fréquentes""#, #""autre": "Questions Fréquentes""#)
        XCTAssertEqual(descriptions(site.build()), [
            "templates/sections/faq.html:3:7: error: unknown UI string `faq.title`: no table in locales/ defines it, and locales/en.json defines `faq.titel`, which nothing uses — one of the two names is misspelt",
        ])
    }
}
