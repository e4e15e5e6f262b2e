import Foundation
import XCTest
@testable import Site

/// The tree a clean build replaces is moved aside and deleted off the build's critical path,
/// under a name no other build uses (OutputFolder). (An incremental build keeps it instead, as
/// the spare it updates next time; `IncrementalBuildTests` covers that.)
final class ReplacedTreeTests: XCTestCase {
    private func site() throws -> FixtureSite {
        try FixtureSite(Fixture.files(site: Fixture.site(), roles: [
            Fixture.role("backend", title: "Backend Developer", plural: "Backend Developers", related: [], risk: 38),
        ]))
    }

    private func recordEntries(_ site: FixtureSite) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: site.root.appendingPathComponent(".public.rolegen").path).sorted()
    }

    func testReplacedTreeIsGoneOnceTheBackgroundRemovalEnds() throws {
        let site = try site()
        XCTAssertTrue(site.build(clean: true).succeeded)
        XCTAssertTrue(site.build(clean: true).succeeded)
        XCTAssertTrue(site.exists("en/roles/backend/index.html"), "the new tree is in place")
        OutputFolder.waitForRemovals()
        XCTAssertEqual(try recordEntries(site), ["files", "incremental", "lock"], "neither the replaced tree nor a staging folder is left")
    }

    /// A process that exited while deleting a replaced tree leaves the rest to the next build;
    /// a tree that a running process (here pid 1) is still deleting is not touched.
    func testNextBuildRemovesWhatAnExitedBuildLeftAside() throws {
        let site = try site()
        XCTAssertTrue(site.build(clean: true).succeeded)
        let record = site.root.appendingPathComponent(".public.rolegen")
        let abandoned = record.appendingPathComponent("old-\(Int32.max)-1/en/roles/gone")
        let running = record.appendingPathComponent("old-1-1/en")
        for folder in [abandoned, running] {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data("<p>old</p>".utf8).write(to: folder.appendingPathComponent("index.html"))
        }
        XCTAssertTrue(site.build(clean: true).succeeded)
        OutputFolder.waitForRemovals()
        XCTAssertEqual(try recordEntries(site), ["files", "incremental", "lock", "old-1-1"])
    }
}
