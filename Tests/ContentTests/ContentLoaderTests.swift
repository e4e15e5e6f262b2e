import Content
import Diagnostics
import XCTest

final class ContentLoaderTests: XCTestCase {
    func testValidSiteLoads() throws {
        let result = try TestSite.valid.load()
        XCTAssertEqual(result.diagnostics.map(\.description), [])
        let site = try XCTUnwrap(result.site)
        XCTAssertEqual(site.roles.map(\.slug), ["backend-developer", "frontend-developer"])
        print(site.fallbacks.map(\.description))
    }
}
