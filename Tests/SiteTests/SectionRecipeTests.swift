import Content
import Foundation
import Site
import TemplateEngine
import XCTest

/// CONTRIBUTING.md's "Add a section" recipe, followed through the public extension points only
/// (this file imports Site without `@testable`): a section type, its template, its strings, and
/// its name in site.json.
final class SectionRecipeTests: XCTestCase {
    /// A fixture section: the role's first quick win as a highlighted tip.
    struct TipSection: RolePageSection {
        var section: Section { Section(rawValue: "tip") }
        var partial: String { "sections/tip" }

        func data(for page: RolePageContext) -> TemplateObject {
            guard let first = page.text.quickWins.first else { return ["tip": .null] }
            return ["tip": .object(["text": .string(page.typeset(first, field: "quickWins")), "lang": page.lang("quickWins")])]
        }
    }

    private func site(sections: [String]) throws -> FixtureSite {
        var files = Fixture.files(site: Fixture.site(sections: sections), roles: [Fixture.role("backend", title: "Backend Developer", plural: "Backend Developers")])
        files["content/roles/backend/fr.json"] = #"{ "description": "Tout sur le back-end." }"#
        files["templates/sections/tip.html"] = """
            {{#role.tip}}
            <aside class="tip" id="tip"><h2>{{{t.tip.title}}}</h2><p{{#lang}} lang="{{lang}}"{{/lang}}>{{text}}</p></aside>
            {{/role.tip}}

            """
        let site = try FixtureSite(files)
        for (table, title) in [("en", "Tip of the week"), ("fr", "Conseil de la semaine")] {
            let path = site.root.appendingPathComponent("locales/\(table).json")
            var strings = try JSONSerialization.jsonObject(with: Data(contentsOf: path)) as! [String: Any]
            strings["tip"] = ["title": title]
            try site.write(String(decoding: try JSONSerialization.data(withJSONObject: strings, options: [.sortedKeys]), as: UTF8.self), to: "locales/\(table).json")
        }
        return site
    }

    func testAnAddedSectionIsRenderedWhereSiteJSONListsIt() throws {
        let site = try site(sections: ["hero", "tip", "faq"])
        let report = SiteBuilder.build(BuildOptions(root: site.root, roleSections: RolePageSections.standard + [TipSection()]))
        XCTAssertTrue(report.succeeded, report.diagnostics.map(\.rendered).joined(separator: "\n"))
        XCTAssertEqual(report.diagnostics.warnings.map(\.description), [])
        let english = try site.read("en/roles/backend/index.html")
        XCTAssertContains(english, #"<aside class="tip" id="tip"><h2>Tip of the week</h2><p>Install Copilot.</p></aside>"#)
        let hero = try XCTUnwrap(english.range(of: #"class="hero""#)).lowerBound
        let tip = try XCTUnwrap(english.range(of: #"class="tip""#)).lowerBound
        let faq = try XCTUnwrap(english.range(of: #"class="section faq""#)).lowerBound
        XCTAssertTrue(hero < tip && tip < faq, "in site.json's order")
        // The French page shows the English quick win, marked as English.
        XCTAssertContains(try site.read("fr/metiers/backend/index.html"), #"<h2>Conseil de la semaine</h2><p lang="en">Install Copilot.</p>"#)
    }

    /// Without its type, site.json cannot name the section: an error at the name, suggesting
    /// the known ones.
    func testASectionWithoutItsTypeIsAnUnknownName() throws {
        let site = try site(sections: ["hero", "tip"])
        let report = site.build()
        XCTAssertFalse(report.succeeded)
        XCTAssertEqual(report.diagnostics.errors.map(\.description), ["site.json:8:24: error: unknown section `tip`"])
    }

    /// A site that lists no sections shows every section the build knows, the added one last.
    func testAnAddedSectionIsPartOfTheDefaultOrder() throws {
        let site = try site(sections: Section.standard.map(\.rawValue) + ["tip"])
        try site.write(Fixture.site(), to: "site.json")
        let report = SiteBuilder.build(BuildOptions(root: site.root, roleSections: RolePageSections.standard + [TipSection()]))
        XCTAssertTrue(report.succeeded, report.diagnostics.map(\.rendered).joined(separator: "\n"))
        let english = try site.read("en/roles/backend/index.html")
        let faq = try XCTUnwrap(english.range(of: #"class="section faq""#)).lowerBound
        let tip = try XCTUnwrap(english.range(of: #"class="tip""#)).lowerBound
        XCTAssertLessThan(faq, tip)
    }
}
