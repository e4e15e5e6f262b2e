import XCTest

@testable import Site

/// Which role a source file belongs to, for the keys of its pages in the incremental record.
final class SourcePathTests: XCTestCase {
    func testAFileInARoleFolderBelongsToThatRole() {
        XCTAssertEqual(SourceFingerprints.roleSlug(of: "content/roles/backend-developer/en.json"), "backend-developer")
        XCTAssertEqual(SourceFingerprints.roleSlug(of: "content/roles/backend-developer/verdict.fr.md"), "backend-developer")
        XCTAssertEqual(SourceFingerprints.roleSlug(of: "content/roles/développeur·se/analysis.fr.md"), "développeur·se")
    }

    func testTheRoleFolderItselfAndOtherFilesBelongToNoRole() {
        XCTAssertNil(SourceFingerprints.roleSlug(of: "content/roles/backend-developer/"))
        XCTAssertNil(SourceFingerprints.roleSlug(of: "content/roles/"))
        XCTAssertNil(SourceFingerprints.roleSlug(of: "content/tools.json"))
        XCTAssertNil(SourceFingerprints.roleSlug(of: "templates/content/roles/x/en.json"))
        XCTAssertNil(SourceFingerprints.roleSlug(of: "site.json"))
    }
}
