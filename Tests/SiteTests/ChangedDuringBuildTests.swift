import Foundation
import XCTest

@testable import Site

/// A build reads a role's texts again when it renders the role's pages, unless it kept the role
/// whole (`BuildOptions.keptTexts`): a role read again that was edited in between is
/// reported, and nothing is written; a role kept whole is published as it was checked.
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
        options.keptTexts = .fixed(0)
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

    func testARoleKeptWholeIsPublishedAsItWasCheckedAndTheEditByTheNextBuild() throws {
        let site = try twoRoles()
        var options = BuildOptions(root: site.root)
        let root = site.root
        options.afterLoading = {
            try? "The verdict, edited while the build ran.\n".write(
                to: root.appendingPathComponent("content/roles/frontend/verdict.en.md"), atomically: true, encoding: .utf8)
        }
        let report = SiteBuilder.build(options)
        XCTAssertTrue(report.succeeded, report.diagnostics.map(\.rendered).joined(separator: "\n"))
        XCTAssertFalse(try site.read("en/roles/frontend/index.html").contains("edited while the build ran"), "the text the build checked")

        let again = site.build()
        XCTAssertTrue(again.succeeded, again.diagnostics.map(\.rendered).joined(separator: "\n"))
        XCTAssertContains(try site.read("en/roles/frontend/index.html"), "The verdict, edited while the build ran.")
    }
}

/// A build that holds roles by their outline (`rolegen build` past its budget of roles kept
/// whole), one that keeps some whole, and one that holds every text (`rolegen serve`'s,
/// `remembering`) write the same bytes: nothing a page shows is read from what the lean roles
/// no longer hold.
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
        var leanOptions = BuildOptions(root: site.root, clean: true)
        leanOptions.keptTexts = .fixed(0)
        let lean = SiteBuilder.build(leanOptions)
        XCTAssertTrue(lean.succeeded, lean.diagnostics.map(\.rendered).joined(separator: "\n"))
        let leanTree = try site.snapshot()
        try FileManager.default.removeItem(at: site.output)

        // A budget for one of the two roles (which one depends on which is read first).
        let folderBytes = try ["backend", "frontend"].map { slug in
            try FileManager.default.contentsOfDirectory(atPath: site.root.appendingPathComponent("content/roles/\(slug)").path).reduce(0) { total, name in
                total + (try Data(contentsOf: site.root.appendingPathComponent("content/roles/\(slug)/\(name)")).count)
            }
        }
        var mixedOptions = BuildOptions(root: site.root, clean: true)
        mixedOptions.keptTexts = .fixed(2 * folderBytes.min()!)
        let mixed = SiteBuilder.build(mixedOptions)
        XCTAssertTrue(mixed.succeeded, mixed.diagnostics.map(\.rendered).joined(separator: "\n"))
        XCTAssertEqual(mixed.fallbacks, lean.fallbacks)
        XCTAssertEqual(try site.snapshot(), leanTree)
        try FileManager.default.removeItem(at: site.output)
        let whole = SiteBuilder.run(BuildOptions(root: site.root, clean: true), remembering: true).report
        XCTAssertTrue(whole.succeeded, whole.diagnostics.map(\.rendered).joined(separator: "\n"))
        XCTAssertEqual(whole.fallbacks, lean.fallbacks)
        XCTAssertEqual(try site.snapshot(), leanTree)
        XCTAssertGreaterThan(leanTree.count, 10)
    }
}
