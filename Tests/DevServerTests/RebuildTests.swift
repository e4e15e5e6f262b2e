@testable import DevServer
import Foundation
import XCTest

/// Edits to the sources show up in the preview; broken edits never take it down.
final class RebuildTests: XCTestCase {
    private let page = "/en/roles/backend-developer/"

    func testEditingARoleRebuildsAndServesTheNewText() throws {
        let root = try ExampleSite.copy(for: self)
        let (server, log) = try startServer(root: root)
        XCTAssertFalse(try RawHTTP.get(page, port: server.port).text.contains("Server-Side Engineer"))
        try ExampleSite.edit(root, "content/roles/backend-developer/en.json",
                             replacing: "\"title\": \"Backend Developer\"", with: "\"title\": \"Server-Side Engineer\"")
        try waitUntil("the new title is served") {
            try RawHTTP.get(page, port: server.port).text.contains("Server-Side Engineer")
        }
        // The new tree is swapped in just before the rebuild is reported: wait for the report too.
        waitUntil("the rebuild is reported") { log.builds.count >= 2 }
        XCTAssertEqual(log.changes.first, ["content/roles/backend-developer/en.json"])
        XCTAssertEqual(log.builds.count, 2)
        XCTAssertTrue(log.builds.allSatisfy(\.succeeded))
    }

    func testEveryWatchedFolderTriggersARebuild() throws {
        let root = try ExampleSite.copy(for: self)
        let (_, log) = try startServer(root: root)
        let edits = [
            ("site.json", "Will AI Replace My Job?", "Will AI Replace Your Job?"),
            ("locales/en.json", "\"", "\""),
            ("templates/pages/role.html", "{{", "{{"),
        ]
        for (index, (path, old, new)) in edits.enumerated() {
            // Same bytes for the last two: the modification time alone must be noticed.
            try ExampleSite.edit(root, path, replacing: old, with: new)
            waitUntil("\(path) is rebuilt") { log.builds.count == index + 2 }
            XCTAssertEqual(log.changes.last, [path])
        }
    }

    func testEditsOutsideTheWatchedFilesAreIgnored() throws {
        let root = try ExampleSite.copy(for: self)
        let (_, log) = try startServer(root: root)
        try Data("notes".utf8).write(to: root.appendingPathComponent("NOTES.md"))
        try Data("swap".utf8).write(to: root.appendingPathComponent("content/roles/backend-developer/.en.json.swp"))
        try Data("x".utf8).write(to: root.appendingPathComponent("public/extra.txt"))
        Thread.sleep(forTimeInterval: 0.5)
        XCTAssertEqual(log.builds.count, 1)
    }

    func testAFailedRebuildKeepsServingTheLastGoodSite() throws {
        let root = try ExampleSite.copy(for: self)
        let (server, log) = try startServer(root: root)
        let before = try RawHTTP.get(page, port: server.port).body
        try ExampleSite.edit(root, "content/roles/backend-developer/role.json", replacing: "\"riskScore\": 38", with: "\"riskScroe\": 38")
        waitUntil("the broken rebuild is reported") { log.builds.count == 2 }
        let failed = log.builds[1]
        XCTAssertFalse(failed.succeeded)
        XCTAssertTrue(failed.diagnostics.map(\.description).contains(
            "content/roles/backend-developer/role.json:4:3: error: unknown field `riskScroe` — did you mean `riskScore`?"),
            "\(failed.diagnostics)")
        let during = try RawHTTP.get(page, port: server.port)
        XCTAssertEqual(during.status, 200)
        XCTAssertEqual(during.body, before)
        try ExampleSite.edit(root, "content/roles/backend-developer/role.json", replacing: "\"riskScroe\": 38", with: "\"riskScore\": 39")
        waitUntil("the fixed rebuild succeeds") { log.builds.count == 3 }
        XCTAssertTrue(log.builds[2].succeeded)
        XCTAssertNotEqual(try RawHTTP.get(page, port: server.port).body, before)
    }

    func testAFailedFirstBuildStillServesAndRecovers() throws {
        let root = try ExampleSite.copy(for: self)
        try ExampleSite.edit(root, "site.json", replacing: "\"defaultLocale\"", with: "\"defaultLocal\"")
        let (server, log) = try startServer(root: root)
        XCTAssertEqual(log.builds.count, 1)
        XCTAssertFalse(log.builds[0].succeeded)
        let nothing = try RawHTTP.get("/", port: server.port)
        XCTAssertEqual(nothing.status, 404)
        XCTAssertEqual(nothing.text, "404 Not Found\n")
        try ExampleSite.edit(root, "site.json", replacing: "\"defaultLocal\"", with: "\"defaultLocale\"")
        try waitUntil("the site is served") { try RawHTTP.get("/", port: server.port).status == 200 }
    }

    func testRequestsAreAnsweredWhileRebuildsRun() throws {
        let root = try ExampleSite.copy(for: self)
        let (server, log) = try startServer(root: root)
        // Many edits in a row: every response is a whole page, from one tree or the other.
        for round in 0..<5 {
            try ExampleSite.edit(root, "content/roles/backend-developer/en.json",
                                 replacing: "\"title\": \"Backend Developer\(round == 0 ? "" : " \(round - 1)")\"",
                                 with: "\"title\": \"Backend Developer \(round)\"")
            for _ in 0..<10 {
                let response = try RawHTTP.get(page, port: server.port)
                XCTAssertEqual(response.status, 200)
                XCTAssertTrue(response.text.hasSuffix("</html>\n"), "a whole page")
                XCTAssertEqual(response.headers["content-length"], "\(response.body.count)")
            }
        }
        try waitUntil("the last edit is served") {
            try RawHTTP.get(page, port: server.port).text.contains("Backend Developer 4")
        }
        XCTAssertTrue(log.builds.allSatisfy(\.succeeded))
    }
}

/// The fingerprint the watcher compares.
final class SourceFingerprintTests: XCTestCase {
    func testItListsWatchedFilesSortedWithoutHiddenOnes() throws {
        let root = try ExampleSite.copy(for: self)
        try Data("x".utf8).write(to: root.appendingPathComponent("content/.DS_Store"))
        try FileManager.default.createDirectory(at: root.appendingPathComponent("public"), withIntermediateDirectories: true)
        try Data("x".utf8).write(to: root.appendingPathComponent("public/index.html"))
        let fingerprint = SourceFingerprint(root: root)
        let paths = fingerprint.files.map(\.path)
        XCTAssertEqual(paths, paths.sorted())
        XCTAssertTrue(paths.contains("site.json"))
        XCTAssertTrue(paths.contains("content/roles/backend-developer/en.json"))
        XCTAssertTrue(paths.contains("locales/fr.json"))
        XCTAssertTrue(paths.contains("templates/pages/role.html"))
        XCTAssertFalse(paths.contains { $0.contains(".DS_Store") || $0.hasPrefix("public") })
        XCTAssertEqual(SourceFingerprint(root: root), fingerprint, "deterministic")
    }

    func testChangesNameAddedRemovedAndModifiedFiles() throws {
        let root = try ExampleSite.copy(for: self)
        let before = SourceFingerprint(root: root)
        try Data("{}".utf8).write(to: root.appendingPathComponent("locales/de.json"))
        try FileManager.default.removeItem(at: root.appendingPathComponent("content/roles/backend-developer/verdict.fr.md"))
        try ExampleSite.edit(root, "content/tools.json", replacing: "{", with: "{ ")
        let after = SourceFingerprint(root: root)
        XCTAssertNotEqual(after, before)
        XCTAssertEqual(after.changes(since: before),
                       ["content/roles/backend-developer/verdict.fr.md", "content/tools.json", "locales/de.json"])
    }
}
