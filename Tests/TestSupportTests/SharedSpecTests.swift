import Foundation
import TestSupport
import XCTest

/// A missing spec suite skips on a contributor's machine and fails in CI.
final class SharedSpecTests: XCTestCase {
    private let missing = URL(fileURLWithPath: "/nonexistent/shared/spec/mustache")

    func testMissingFolderSkipsOutsideCI() {
        XCTAssertThrowsError(try SharedSpec.require(missing, otherwise: "not here", inCI: false)) { error in
            XCTAssertTrue(error is XCTSkip, "expected a skip, got \(error)")
        }
    }

    func testMissingFolderFailsInCIWithTheSkipMessage() {
        XCTAssertThrowsError(try SharedSpec.require(missing, otherwise: "not here", inCI: true)) { error in
            XCTAssertFalse(error is XCTSkip)
            XCTAssertEqual("\(error)", "not here; CI=true, so a missing spec suite fails instead of skipping")
        }
    }

    func testPresentFolderNeitherSkipsNorFails() throws {
        try SharedSpec.require(PackageRoot.url, otherwise: "not here", inCI: true)
    }
}
