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
