import Foundation
import Site
import Synchronization
import XCTest
@testable import DevServer

/// Edits to the sources show up in the preview; broken edits never take it down.
final class RebuildTests: XCTestCase {
    private let page = "/en/roles/backend-developer/"

    func testEditingARoleRebuildsAndServesTheNewText() throws {
        let root = try ServedSite.copy(for: self)
        let (server, log) = try startServer(root: root)
        XCTAssertFalse(try RawHTTP.get(page, port: server.port).text.contains("Server-Side Engineer"))
        try ServedSite.edit(root, "content/roles/backend-developer/en.json",
                             replacing: "\"title\": \"Backend Developer\"", with: "\"title\": \"Server-Side Engineer\"")
        // The new tree is swapped in before the rebuild is reported.
        log.waitUntil("the rebuild is reported") { $0.builds.count >= 2 }
        XCTAssertEqual(log.changes.first, ["content/roles/backend-developer/en.json"])
        XCTAssertEqual(log.builds.count, 2)
        XCTAssertTrue(log.builds.allSatisfy(\.succeeded))
        XCTAssertTrue(try RawHTTP.get(page, port: server.port).text.contains("Server-Side Engineer"), "the new title is served")
    }

    /// An edit of a role's text is rebuilt from memory (its pages replaced in place, the record
    /// removed meanwhile), and the server writes the record of its tree when it stops: the next
    /// `rolegen build` has nothing to do.
    func testAStoppedServerLeavesARecordTheNextBuildTrusts() throws {
        let root = try ServedSite.copy(for: self)
        let record = root.appendingPathComponent(".public.rolegen/incremental").path
        let (server, log) = try startServer(root: root)
        XCTAssertTrue(FileManager.default.fileExists(atPath: record))
        try ServedSite.edit(root, "content/roles/backend-developer/en.json",
                             replacing: "\"title\": \"Backend Developer\"", with: "\"title\": \"Server-Side Engineer\"")
        log.waitUntil("the rebuild is reported") { $0.builds.count >= 2 }
        XCTAssertTrue(log.builds.allSatisfy(\.succeeded))
        XCTAssertTrue(try RawHTTP.get(page, port: server.port).text.contains("Server-Side Engineer"), "the new title is served")
        XCTAssertFalse(FileManager.default.fileExists(atPath: record), "the edit was not built from memory")
        server.stop()
        XCTAssertTrue(FileManager.default.fileExists(atPath: record))
        XCTAssertEqual(SiteBuilder.build(BuildOptions(root: root)).changedFiles, [])
    }

    func testEveryWatchedFolderTriggersARebuild() throws {
        let root = try ServedSite.copy(for: self)
        let (_, log) = try startServer(root: root)
        let edits = [
            ("site.json", "Will AI Replace My Job?", "Will AI Replace Your Job?"),
            ("locales/en.json", "\"", "\""),
            ("templates/pages/role.html", "{{", "{{"),
        ]
        for (index, (path, old, new)) in edits.enumerated() {
            // Same bytes for the last two: the modification time alone must be noticed.
            try ServedSite.edit(root, path, replacing: old, with: new)
            log.waitUntil("\(path) is rebuilt") { $0.builds.count == index + 2 }
            XCTAssertEqual(log.changes.last, [path])
        }
    }

    func testEditsOutsideTheWatchedFilesAreIgnored() throws {
        let root = try ServedSite.copy(for: self)
        let (_, log) = try startServer(root: root)
        try Data("notes".utf8).write(to: root.appendingPathComponent("NOTES.md"))
        try Data("swap".utf8).write(to: root.appendingPathComponent("content/roles/backend-developer/.en.json.swp"))
        try Data("x".utf8).write(to: root.appendingPathComponent("public/extra.txt"))
        // One watched edit after them: the only change the rebuild names.
        try ServedSite.edit(root, "locales/en.json", replacing: "\"", with: "\"")
        log.waitUntil("the watched edit is rebuilt") { $0.builds.count >= 2 }
        XCTAssertEqual(log.changes, [["locales/en.json"]])
    }

    func testAFailedRebuildKeepsServingTheLastGoodSite() throws {
        let root = try ServedSite.copy(for: self)
        let (server, log) = try startServer(root: root)
        let before = try RawHTTP.get(page, port: server.port).body
        try ServedSite.edit(root, "content/roles/backend-developer/role.json", replacing: "\"riskScore\": 38", with: "\"riskScroe\": 38")
        log.waitUntil("the broken rebuild is reported") { $0.builds.count == 2 }
        let failed = log.builds[1]
        XCTAssertFalse(failed.succeeded)
        XCTAssertTrue(failed.diagnostics.map(\.description).contains(
            "content/roles/backend-developer/role.json:4:3: error: unknown field `riskScroe` — did you mean `riskScore`?"),
            "\(failed.diagnostics)")
        let during = try RawHTTP.get(page, port: server.port)
        XCTAssertEqual(during.status, 200)
        XCTAssertEqual(during.body, before)
        try ServedSite.edit(root, "content/roles/backend-developer/role.json", replacing: "\"riskScroe\": 38", with: "\"riskScore\": 39")
        log.waitUntil("the fixed rebuild succeeds") { $0.builds.count == 3 }
        XCTAssertTrue(log.builds[2].succeeded)
        XCTAssertNotEqual(try RawHTTP.get(page, port: server.port).body, before)
    }

    func testAFailedFirstBuildAnswersEveryURLWithItsErrorsAndRecovers() throws {
        let root = try ServedSite.copy(for: self)
        try ServedSite.edit(root, "site.json", replacing: "\"defaultLocale\"", with: "\"defaultLocal\"")
        let (server, log) = try startServer(root: root)
        XCTAssertEqual(log.builds.count, 1)
        XCTAssertFalse(log.builds[0].succeeded)
        for target in ["/", "/en/", "/no/such/page", "/robots.txt"] {
            let page = try RawHTTP.get(target, port: server.port)
            XCTAssertEqual(page.status, 500, target)
            XCTAssertEqual(page.headers["content-type"], "text/html; charset=utf-8", target)
            XCTAssertTrue(page.text.contains("<h1>rolegen: the build failed</h1>"), target)
            XCTAssertTrue(page.text.contains("site.json:"), target)
            XCTAssertTrue(page.text.contains("unknown field `defaultLocal` — did you mean `defaultLocale`?"), page.text)
            XCTAssertTrue(page.text.contains("/__rolegen/events?build=0&page="), "it reloads itself once a build succeeds")
        }
        XCTAssertEqual(try RawHTTP.request("POST", "/", port: server.port).status, 405)
        let waiting = try EventStreamClient(port: server.port, page: "/en/", build: 0)
        try ServedSite.edit(root, "site.json", replacing: "\"defaultLocal\"", with: "\"defaultLocale\"")
        XCTAssertNotNil(waiting.event("reload"), waiting.received)
        XCTAssertEqual(try RawHTTP.get("/", port: server.port).status, 200)
    }

    func testWithoutBrowserErrorsAFailedFirstBuildServesTheFolder() throws {
        let root = try ServedSite.copy(for: self)
        try ServedSite.edit(root, "site.json", replacing: "\"defaultLocale\"", with: "\"defaultLocal\"")
        let (server, _) = try startServer(root: root) { $0.browserErrors = false }
        let nothing = try RawHTTP.get("/", port: server.port)
        XCTAssertEqual(nothing.status, 404)
        XCTAssertEqual(nothing.text, "404 Not Found\n")
    }

    func testRequestsAreAnsweredWhileRebuildsRun() throws {
        let root = try ServedSite.copy(for: self)
        let (server, log) = try startServer(root: root)
        // Many edits in a row: every response is a whole page, from one tree or the other.
        for round in 0..<5 {
            try ServedSite.edit(root, "content/roles/backend-developer/en.json",
                                 replacing: "\"title\": \"Backend Developer\(round == 0 ? "" : " \(round - 1)")\"",
                                 with: "\"title\": \"Backend Developer \(round)\"")
            for _ in 0..<10 {
                let response = try RawHTTP.get(page, port: server.port)
                XCTAssertEqual(response.status, 200)
                XCTAssertTrue(response.text.hasSuffix("</html>\n"), "a whole page")
                XCTAssertEqual(response.headers["content-length"], "\(response.body.count)")
            }
        }
        // Edits close together are rebuilt together: how many builds there are is not known,
        // but the last one reported includes the last edit (checked again at each report).
        let file = root.appendingPathComponent("public/en/roles/backend-developer/index.html")
        log.waitUntil("the last edit is built") { events in
            !events.builds.isEmpty && ((try? String(contentsOf: file, encoding: .utf8))?.contains("Backend Developer 4") ?? false)
        }
        XCTAssertTrue(try RawHTTP.get(page, port: server.port).text.contains("Backend Developer 4"), "the last edit is served")
        XCTAssertTrue(log.builds.allSatisfy(\.succeeded))
    }
}

/// The kernel's change reports as the watcher collects them.
final class SourceWatcherTests: XCTestCase {
    private var root: URL!
    private var watcher: SourceWatcher!

    override func setUpWithError() throws {
        root = try ServedSite.copy(for: self)
        watcher = try SourceWatcher(root: root)
    }

    /// The next batch of changes; fails the test when none comes within 10 s.
    private func nextChanges(file: StaticString = #filePath, line: UInt = #line) -> [String] {
        let watcher = watcher!
        let done = DispatchSemaphore(value: 0)
        let result = Mutex<[String]?>(nil)
        Thread {
            let changes = watcher.waitForChanges(debounce: .milliseconds(50))
            result.withLock { $0 = changes }
            done.signal()
        }.start()
        if done.wait(timeout: .now() + 10) == .timedOut {
            watcher.wake()
            done.wait()
            XCTFail("no change reported within 10 s", file: file, line: line)
        }
        return result.withLock { $0 } ?? []
    }

    func testAnAtomicSaveIsOneChangeOfTheSavedFile() throws {
        // What editors do: write a temporary (hidden) file, then rename it over the original.
        try ServedSite.edit(root, "content/roles/backend-developer/en.json", replacing: "Backend Developer", with: "Backend Dev")
        XCTAssertEqual(nextChanges(), ["content/roles/backend-developer/en.json"])
    }

    func testAnAtomicSaveWithAVisibleTemporaryNameNamesBoth() throws {
        let folder = root.appendingPathComponent("templates/assets")
        let css = try XCTUnwrap(FileManager.default.contentsOfDirectory(atPath: folder.path).first { $0.hasSuffix(".css") })
        try Data("body{}".utf8).write(to: folder.appendingPathComponent(css + "~tmp"))
        XCTAssertEqual(rename(folder.appendingPathComponent(css + "~tmp").path, folder.appendingPathComponent(css).path), 0)
        XCTAssertEqual(nextChanges(), ["templates/assets/\(css)", "templates/assets/\(css)~tmp"])
    }

    func testAFileWrittenInPlaceIsReported() throws {
        let url = root.appendingPathComponent("locales/fr.json")
        let handle = try FileHandle(forWritingTo: url)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("\n".utf8))
        try handle.close()
        XCTAssertEqual(nextChanges(), ["locales/fr.json"])
    }

    func testANewFolderIsWatchedAndItsFilesReported() throws {
        let role = root.appendingPathComponent("content/roles/data-engineer")
        try FileManager.default.createDirectory(at: role, withIntermediateDirectories: true)
        try Data("{}".utf8).write(to: role.appendingPathComponent("role.json"))
        XCTAssertEqual(nextChanges(), ["content/roles/data-engineer", "content/roles/data-engineer/role.json"])
        // Files saved into the new folder later are seen too: the folder is watched now.
        try Data("{}".utf8).write(to: role.appendingPathComponent("en.json"))
        XCTAssertEqual(nextChanges(), ["content/roles/data-engineer/en.json"])
    }

    func testARemovedFolderIsOneChangeAndItsWatchesGo() throws {
        try FileManager.default.moveItem(at: root.appendingPathComponent("content/roles/devops-engineer"),
                                         to: root.appendingPathComponent("devops-engineer-old"))
        XCTAssertEqual(nextChanges(), ["content/roles/devops-engineer"])
        // An edit in the moved-away folder is outside the sources now: only the next edit counts.
        try Data("{}".utf8).write(to: root.appendingPathComponent("devops-engineer-old/role.json"))
        try ServedSite.edit(root, "locales/en.json", replacing: "\"", with: "\"")
        XCTAssertEqual(nextChanges(), ["locales/en.json"])
    }

    func testHiddenFilesAndOtherFoldersAreIgnored() throws {
        try Data("x".utf8).write(to: root.appendingPathComponent("content/.DS_Store"))
        try FileManager.default.createDirectory(at: root.appendingPathComponent("public"), withIntermediateDirectories: true)
        try Data("x".utf8).write(to: root.appendingPathComponent("public/index.html"))
        try Data("x".utf8).write(to: root.appendingPathComponent("NOTES.md"))
        try ServedSite.edit(root, "site.json", replacing: "{", with: "{")
        XCTAssertEqual(nextChanges(), ["site.json"])
    }

    func testWakeEndsAWait() {
        watcher.wake()
        XCTAssertNil(watcher.waitForChanges(debounce: .milliseconds(50)))
    }
}
