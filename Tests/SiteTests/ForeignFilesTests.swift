import Foundation
import XCTest

@testable import Site

/// A build replaces its output folder only when the folder holds nothing but what the last
/// build recorded writing there (OutputFolder): anything else, at any depth, stops the build
/// and is named, the first few in order.
final class ForeignFilesTests: XCTestCase {
    private func site(_ extra: [String: String] = [:]) throws -> FixtureSite {
        try FixtureSite(Fixture.files(site: Fixture.site(), roles: [
            Fixture.role("backend", title: "Backend Developer", plural: "Backend Developers", related: [], risk: 38),
        ]).merging(extra) { $1 })
    }

    private func refusal(_ report: BuildReport) -> String? {
        report.diagnostics.first { $0.code == OutputError.Code.notRolegenOutput.rawValue }?.message
    }

    /// Files and folders added deep inside folders the build wrote are found, as well as at the
    /// top; the build changes nothing, and names them sorted.
    func testAddedFilesAndFoldersAtAnyDepthStopTheBuild() throws {
        let site = try site()
        XCTAssertTrue(site.build(clean: true).succeeded)
        try site.write("draft", to: "public/en/roles/backend/notes.txt")
        try FileManager.default.createDirectory(at: site.output.appendingPathComponent("fr/metiers/backend/images"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: site.output.appendingPathComponent("en/start.html").path, withDestinationPath: "index.html")
        let before = try site.snapshot()
        for clean in [true, false] {
            let report = site.build(clean: clean)
            XCTAssertFalse(report.succeeded)
            XCTAssertEqual(
                refusal(report),
                "the output folder \(site.output.path) holds files rolegen did not write (en/roles/backend/notes.txt, en/start.html, fr/metiers/backend/images/) and would be replaced; choose an empty or new folder with --output, or pass --force to replace it")
            XCTAssertEqual(try site.snapshot(), before, "nothing changed")
        }
    }

    /// Only an unexpected entry stops it: the build's own tree, with names its record escapes
    /// (`%`, here in an asset's name), is replaced again and again.
    func testItsOwnTreeIsReplaced() throws {
        let site = try site(["templates/assets/100%.txt": "all of it"])
        for clean in [true, true, false] {
            let report = site.build(clean: clean)
            XCTAssertTrue(report.succeeded, report.diagnostics.map(\.message).joined(separator: "\n"))
        }
        let published = try FileManager.default.contentsOfDirectory(atPath: site.output.appendingPathComponent("assets").path)
        XCTAssertEqual(published.filter { $0.hasPrefix("100%.") }.count, 1, "\(published)")
    }
}
