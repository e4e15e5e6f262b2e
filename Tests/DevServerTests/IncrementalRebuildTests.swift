import Foundation
import Site
import XCTest

@testable import DevServer

/// `serve` rebuilds with the same incremental engine as `rolegen build`: an edit renders and
/// writes only the pages it affects, and the changed pages are known without reading the tree.
final class IncrementalRebuildTests: XCTestCase {
    private func inode(_ url: URL) -> UInt64 {
        var status = stat()
        return lstat(url.path, &status) == 0 ? UInt64(status.st_ino) : 0
    }

    func testAnEditRewritesOnlyTheAffectedPages() throws {
        let root = try ServedSite.copy(for: self)
        let output = root.appendingPathComponent("public")
        let rebuilder = SiteRebuilder(options: BuildOptions(root: root))
        let first = rebuilder.rebuild(changedSources: [])
        XCTAssertTrue(first.report.succeeded)
        XCTAssertEqual(first.changedOutputs, .everything)
        let untouched = output.appendingPathComponent("en/roles/backend-developer/index.html")
        let untouchedInode = inode(untouched)

        // The French analysis shows on the French page only.
        try ServedSite.edit(root, "content/roles/backend-developer/analysis.fr.md", replacing: "\n", with: "\n\nNouveau paragraphe.\n")
        let second = rebuilder.rebuild(changedSources: ["content/roles/backend-developer/analysis.fr.md"])
        XCTAssertTrue(second.report.succeeded)
        XCTAssertEqual(second.report.changedFiles, ["fr/metiers/backend-developer/index.html"])
        XCTAssertEqual(second.changedOutputs, .paths(["fr/metiers/backend-developer/index.html"]))
        XCTAssertEqual(inode(untouched), untouchedInode, "a page the edit does not affect was written again")

        // Nothing changed: nothing is rendered, written or swapped.
        let folder = inode(output)
        let third = rebuilder.rebuild(changedSources: [])
        XCTAssertEqual(third.changedOutputs, .none)
        XCTAssertEqual(inode(output), folder)
    }
}
