import Foundation
import XCTest

@testable import Site

/// A build reads each role's texts again when it renders the role's pages (it does not hold
/// them for the whole build): a role edited in between is reported, and nothing is written.
final class ChangedDuringBuildTests: XCTestCase {
    private func twoRoles() throws -> FixtureSite {
        try FixtureSite(Fixture.files(roles: [
            Fixture.role("backend", title: "Backend Developer", plural: "Backend Developers", related: ["frontend"]),
            Fixture.role("frontend", title: "Frontend Developer", plural: "Frontend Developers", related: ["backend"]),
        ]))
    }

    func testRoleEditedBetweenLoadingAndRenderingFailsTheBuild() throws {
        let site = try twoRoles()
        var options = BuildOptions(root: site.root)
        let root = site.root
        options.afterLoading = {
            try? "The verdict, edited while the build ran.\n".write(
                to: root.appendingPathComponent("content/roles/frontend/verdict.en.md"), atomically: true, encoding: .utf8)
        }
        let report = SiteBuilder.build(options)
        XCTAssertEqual(report.diagnostics.map(\.description), [
            "content/roles/frontend/:1:1: error: the files of role `frontend` changed while the build ran: nothing was written — build again"
        ])
        XCTAssertEqual(report.diagnostics.map(\.code), ["RG430"])
        XCTAssertFalse(site.exists("index.html"), "nothing is written")

        let again = site.build()
        XCTAssertTrue(again.succeeded, again.diagnostics.map(\.rendered).joined(separator: "\n"))
        XCTAssertContains(try site.read("en/roles/frontend/index.html"), "The verdict, edited while the build ran.")
    }
}

/// A build that holds roles by their outline (`rolegen build`) and one that holds every text
/// (`rolegen serve`'s, `remembering`) write the same bytes: nothing a page shows is read from
/// what the lean roles no longer hold.
final class LeanBuildTests: XCTestCase {
    func testLeanAndRememberingBuildsWriteTheSameTree() throws {
        let site = try FixtureSite(Fixture.files(roles: [
            Fixture.role("backend", title: "Backend Developer", plural: "Backend Developers", related: ["frontend"], risk: 38, extra: [
                "fr.json": #"{ "title": "Développeur backend", "tasks": { "crud": "Écrire des endpoints CRUD" } }"#,
                "analysis.fr.md": "L'analyse, voir [le frontend](role:frontend#faq).\n",
                "article.en.md": "## Long read\n\nSee [the analysis](role:frontend).\n",
                "article.fr.md": "## Lecture\n\nTexte.\n",
            ]),
            Fixture.role("frontend", title: "Frontend Developer", plural: "Frontend Developers", related: ["backend"], risk: 62),
        ]))
        let lean = SiteBuilder.build(BuildOptions(root: site.root, clean: true))
        XCTAssertTrue(lean.succeeded, lean.diagnostics.map(\.rendered).joined(separator: "\n"))
        let leanTree = try site.snapshot()
        try FileManager.default.removeItem(at: site.output)
        let whole = SiteBuilder.run(BuildOptions(root: site.root, clean: true), remembering: true).report
        XCTAssertTrue(whole.succeeded, whole.diagnostics.map(\.rendered).joined(separator: "\n"))
        XCTAssertEqual(whole.fallbacks, lean.fallbacks)
        XCTAssertEqual(try site.snapshot(), leanTree)
        XCTAssertGreaterThan(leanTree.count, 10)
    }
}
