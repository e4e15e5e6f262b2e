import TemplateEngine
import TestSupport
import XCTest

@testable import Site

/// The rendering threads take a role's pages together: its texts are read again from its folder
/// for them, and a second thread on the same role would only wait for that read.
final class RenderJobsTests: XCTestCase {
    func testEachRolesPagesAreOneJobAndEveryOtherPageIsAlone() throws {
        let model = try PageDataDocumentationTests.model(PageDataDocumentationTests.fixture())
        let pages = PagePlan(model: model).pages
        let jobs = SiteBuilder.renderJobs(pages)

        XCTAssertEqual(jobs.flatMap { Array($0) }, Array(pages.indices), "every page once, in plan order")
        let roleJobs = jobs.filter { pages[$0.lowerBound].role != nil }
        XCTAssertEqual(roleJobs.map { pages[$0.lowerBound].role }, ["backend", "frontend"])
        for job in roleJobs {
            let role = pages[job.lowerBound].role
            XCTAssertEqual(Set(pages[job].map(\.role)), [role])
        }
        // backend: a page in both locales and an English article; frontend: a page in both.
        XCTAssertEqual(roleJobs.map(\.count), [3, 2])
        XCTAssertTrue(jobs.filter { pages[$0.lowerBound].role == nil }.allSatisfy { $0.count == 1 })
    }

    /// A role's article takes the `RolePage` its role page made, once; rendered alone (or
    /// again), it makes its own, and the page is the same either way.
    func testTheArticleTakesItsRolePagesData() throws {
        let model = try PageDataDocumentationTests.model(PageDataDocumentationTests.fixture())
        let pages = PagePlan(model: model).pages
        let article = try XCTUnwrap(pages.firstIndex { $0.template == PagePlan.articleTemplate })
        let rolePage = article - 1
        XCTAssertEqual(pages[rolePage].role, pages[article].role)
        XCTAssertEqual(pages[rolePage].template, "pages/role")
        let alone = pages[article].data()
        _ = pages[rolePage].data()
        let handedOver = pages[article].data()
        XCTAssertEqual(handedOver, alone)
        XCTAssertEqual(pages[article].data(), alone)

        let handOver = PagePlan.RolePageHandOver()
        XCTAssertNil(handOver.take())
        let role = try XCTUnwrap(model.rolesBySlug[pages[article].role!])
        let page = RolePage(model: model, role: role, locale: "en")
        handOver.give(page)
        XCTAssertTrue(handOver.take() === page)
        XCTAssertNil(handOver.take(), "given once, taken once")
    }

    /// A role page rendered without its article (as in an incremental build) does not leave
    /// its `RolePage` held to the end of the build: its job lets it go.
    func testARolePageNotTakenIsLetGoWithItsJob() throws {
        let model = try PageDataDocumentationTests.model(PageDataDocumentationTests.fixture())
        let pages = PagePlan(model: model).pages
        let article = try XCTUnwrap(pages.firstIndex { $0.template == PagePlan.articleTemplate })
        let rolePage = pages[article - 1]
        let templates = try TemplateSet(directory: PackageRoot.url.appendingPathComponent("templates"), displayPrefix: "templates")
        _ = SiteBuilder.render([rolePage], otherFiles: [], templates: templates, writer: nil, progress: nil, keepingIDsOf: [])
        XCTAssertNil(rolePage.handOver?.take())
        XCTAssertNotNil(rolePage.handOver, "the role page has an article to hand over to")
    }

    func testPagesOfNoRoleAreNeverGrouped() {
        let page = { (role: String?) in PagePlan.Page(template: "t", file: "f", locale: nil, role: role) { nil } }
        let pages = [page(nil), page(nil), page("a"), page("a"), page(nil), page("b"), page("a")]
        XCTAssertEqual(SiteBuilder.renderJobs(pages), [0..<1, 1..<2, 2..<4, 4..<5, 5..<6, 6..<7])
        XCTAssertEqual(SiteBuilder.renderJobs([]), [])
    }
}
