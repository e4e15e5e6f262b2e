import Diagnostics
import Foundation
import Site
import XCTest
@testable import DevServer

/// Open pages follow the builds: they reload when their page changed, swap a changed
/// stylesheet, show a notice when their page is gone and the diagnostics of a failed build.
final class LiveReloadTests: XCTestCase {
    private let page = "/en/roles/backend-developer/"

    func testAnEditedPageReloads() throws {
        let root = try ServedSite.copy(for: self)
        let (server, _) = try startServer(root: root)
        let client = try EventStreamClient(port: server.port, page: page, build: 1)
        try ServedSite.edit(root, "content/roles/backend-developer/en.json",
                             replacing: "\"title\": \"Backend Developer\"", with: "\"title\": \"Server-Side Engineer\"")
        XCTAssertEqual(client.event("reload"), "reload", client.received)
        XCTAssertTrue(try RawHTTP.get(page, port: server.port).text.contains("Server-Side Engineer"), "the reload gets the new page")
    }

    func testAPageThatDidNotChangeIsLeftAlone() throws {
        let root = try ServedSite.copy(for: self)
        let (server, log) = try startServer(root: root)
        let client = try EventStreamClient(port: server.port, page: page, build: 1)
        // The French analysis shows on the French page only.
        try ServedSite.edit(root, "content/roles/backend-developer/analysis.fr.md", replacing: "\n", with: "\n\nNouveau paragraphe.\n")
        log.waitUntil("the rebuild is reported") { $0.builds.count == 2 }
        // A second client on the changed page proves the event went out before the check below.
        let french = try EventStreamClient(port: server.port, page: "/fr/metiers/backend-developer/", build: 1)
        XCTAssertNotNil(french.event("reload"), "a page served before the rebuild reloads when it connects")
        XCTAssertEqual(client.eventNames, [])
    }

    func testAStylesheetEditSwapsTheStylesheetWithoutAReload() throws {
        let root = try ServedSite.copy(for: self)
        let (server, _) = try startServer(root: root)
        let client = try EventStreamClient(port: server.port, page: page, build: 1)
        try ServedSite.edit(root, "templates/assets/style.css", replacing: "{", with: "{ color: rebeccapurple;")
        XCTAssertEqual(client.event("css"), "css", client.received)
        XCTAssertEqual(client.eventNames, ["css"], "no reload: only the stylesheet changed")
        let served = try RawHTTP.get(page, port: server.port).text
        let link = try XCTUnwrap(served.range(of: #"/assets/style\.[0-9a-f]+\.css"#, options: .regularExpression))
        XCTAssertTrue(try RawHTTP.get(String(served[link]), port: server.port).text.contains("rebeccapurple"))
    }

    func testAPageWhoseFileDisappearedShowsANotice() throws {
        let root = try ServedSite.copy(for: self)
        let (server, _) = try startServer(root: root)
        let article = "/en/roles/backend-developer/full-analysis/"
        XCTAssertEqual(try RawHTTP.get(article, port: server.port).status, 200)
        let client = try EventStreamClient(port: server.port, page: article, build: 1)
        try FileManager.default.removeItem(at: root.appendingPathComponent("content/roles/backend-developer/article.en.md"))
        let notice = try XCTUnwrap(client.event("removed"), client.received)
        XCTAssertEqual(notice, """
            <strong>rolegen: this page no longer exists</strong>
            <p>The last build removed <code>en/roles/backend-developer/full-analysis/index.html</code>. \
            What you see is the old page; follow a link or go to the site's start page.</p>
            """)
        XCTAssertEqual(try RawHTTP.get(article, port: server.port).status, 404)
    }

    func testAFailedRebuildShowsTheOverlayOnEveryPageUntilTheNextGoodBuild() throws {
        let root = try ServedSite.copy(for: self)
        let (server, log) = try startServer(root: root)
        let before = try RawHTTP.get(page, port: server.port).body
        let open = try EventStreamClient(port: server.port, page: "/fr/", build: 1)
        try ServedSite.edit(root, "content/roles/backend-developer/role.json",
                             replacing: "\"riskScore\": 38", with: "\"<b>riskScore</b>\": 38")
        let overlay = try XCTUnwrap(open.event("failed"), open.received)
        XCTAssertEqual(overlay, """
            <strong>rolegen: the last build failed (2 errors) — this page is from the last good build</strong>
            <pre>content/roles/backend-developer/role.json:1:1: error: missing required field `riskScore`
                {
                ^
            content/roles/backend-developer/role.json:4:3: error: unknown field `&lt;b&gt;riskScore&lt;/b&gt;`
                  &quot;&lt;b&gt;riskScore&lt;/b&gt;&quot;: 38,
                  ^</pre>
            """)
        // The last good site is still served underneath, and a page opened now gets the overlay at once.
        XCTAssertEqual(try RawHTTP.get(page, port: server.port).body, before)
        let later = try EventStreamClient(port: server.port, page: page, build: 1)
        XCTAssertEqual(later.event("failed"), overlay)
        // The next good build takes it away: a page that did not change is told to hide it.
        try ServedSite.edit(root, "content/roles/backend-developer/role.json",
                             replacing: "\"<b>riskScore</b>\": 38", with: "\"riskScore\": 38")
        XCTAssertNotNil(open.event("fixed"), open.received)
        XCTAssertEqual(open.eventNames, ["failed", "fixed"])
        // Pages hear of a build just before its report goes out.
        log.waitUntil("the good build is reported") { $0.builds.count == 3 }
        XCTAssertTrue(log.builds[2].succeeded)
    }

    func testWithoutBrowserErrorsNoOverlayIsSent() throws {
        let root = try ServedSite.copy(for: self)
        let (server, log) = try startServer(root: root) { $0.browserErrors = false }
        let client = try EventStreamClient(port: server.port, page: page, build: 1)
        try ServedSite.edit(root, "content/roles/backend-developer/role.json", replacing: "\"riskScore\": 38", with: "\"riskScroe\": 38")
        log.waitUntil("the failed rebuild is reported") { $0.builds.count == 2 }
        try ServedSite.edit(root, "content/roles/backend-developer/role.json", replacing: "\"riskScroe\": 38", with: "\"riskScore\": 39")
        XCTAssertNotNil(client.event("reload"), client.received)
        XCTAssertEqual(client.eventNames, ["reload"], "events arrive in order: no overlay came before the reload")
    }

    func testAStreamWhosePageWentAwayIsDropped() throws {
        let root = try ServedSite.copy(for: self)
        let (server, _) = try startServer(root: root) { $0.keepAliveInterval = .milliseconds(100) }
        var client: EventStreamClient? = try EventStreamClient(port: server.port, page: page, build: 1)
        XCTAssertTrue(client!.waitFor(": keep-alive\n\n"), "open streams get keep-alive comments")
        XCTAssertEqual(server.listenerCount, 1)
        client = nil  // the page goes away: its connection closes
        XCTAssertTrue(server.waitForListenerToLeave(), "the stream is dropped")
        XCTAssertEqual(server.listenerCount, 0)
    }

    func testBuildOutputIsByteIdenticalWithAndWithoutAServer() throws {
        let root = try ServedSite.copy(for: self)
        let alone = root.appendingPathComponent("public-alone")
        XCTAssertTrue(SiteBuilder.build(BuildOptions(root: root, output: alone)).succeeded)
        let (server, _) = try startServer(root: root)
        for target in ["/", "/en/", page, "/fr/", "/404.html"] {
            XCTAssertTrue(try RawHTTP.get(target, port: server.port).text.contains(ReloadClient.eventsPath), target)
        }
        let served = root.appendingPathComponent("public")
        let files = try XCTUnwrap(FileManager.default.subpathsOfDirectory(atPath: alone.path)).sorted()
        XCTAssertEqual(try FileManager.default.subpathsOfDirectory(atPath: served.path).sorted(), files)
        XCTAssertGreaterThan(files.count, 10)
        for file in files where !file.hasSuffix("/") {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: alone.appendingPathComponent(file).path, isDirectory: &isFolder), !isFolder.boolValue else { continue }
            XCTAssertEqual(try Data(contentsOf: served.appendingPathComponent(file)), try Data(contentsOf: alone.appendingPathComponent(file)), file)
        }
    }
}

/// The decisions and texts on their own.
final class ReloadRulesTests: XCTestCase {
    func testWhatAnOpenPageIsTold() {
        let page = "en/index.html"
        func after(_ changes: OutputChanges, exists: Bool = true, errorPage: Bool = false, overlay: Bool = false) -> ReloadEvent? {
            ReloadEvent.after(changes, page: page, pageExists: exists, showsErrorPage: errorPage, showsOverlay: overlay)
        }
        XCTAssertEqual(after(.paths([page, "fr/index.html"])), .reload)
        XCTAssertEqual(after(.everything), .reload)
        XCTAssertEqual(after(.paths([page, "assets/style.1.css"])), .reload, "a page that changed reloads, stylesheet or not")
        XCTAssertEqual(after(.paths(["assets/style.1.css", "assets/style.2.css"])), .stylesheet)
        XCTAssertEqual(after(.paths(["fr/index.html"])), nil)
        XCTAssertEqual(after(.paths(["fr/index.html"]), overlay: true), .fixed)
        XCTAssertEqual(after(.none, errorPage: true), .reload)
        XCTAssertEqual(after(.paths([page]), exists: false), .removed(notice: BrowserMessages.removedNotice(page: page)))
    }

    func testEventsAreServerSentEventsWithData() {
        XCTAssertEqual(ReloadEvent.reload.serialized, "event: reload\ndata: reload\n\n")
        XCTAssertEqual(ReloadEvent.stylesheet.serialized, "event: css\ndata: css\n\n")
        XCTAssertEqual(ReloadEvent.failed(overlay: "a\nb").serialized, "event: failed\ndata: a\ndata: b\n\n")
        XCTAssertEqual(ReloadEvent.keepAlive.serialized, ": keep-alive\n\n", "a comment, which EventSource ignores")
    }

    func testTheOverlayEscapesEverything() {
        let diagnostic = Diagnostic.error("unknown field `<script>` & \"more\"", code: "RG120", at: SourceLocation(file: "content/x's.json", line: 2, column: 3),
                                          sourceLine: "  \"<script>\": 1")
        XCTAssertEqual(BrowserMessages.overlay([diagnostic]), """
            <strong>rolegen: the last build failed (1 error) — this page is from the last good build</strong>
            <pre>content/x&apos;s.json:2:3: error: unknown field `&lt;script&gt;` &amp; &quot;more&quot;
                  &quot;&lt;script&gt;&quot;: 1
                  ^</pre>
            """)
        let page = BrowserMessages.firstBuildFailedPage([diagnostic])
        XCTAssertTrue(page.contains("content/x&apos;s.json:2:3: error: unknown field `&lt;script&gt;`"))
        XCTAssertFalse(page.contains("<script>"))
    }

    func testTheScriptGoesBeforeTheLastClosingBody() {
        let script = ReloadClient.script(generation: 3)
        XCTAssertEqual(ReloadClient.inject(into: Array("<p></body></BODY>\n".utf8), generation: 3),
                       Array("<p></body>\(script)</BODY>\n".utf8))
        XCTAssertEqual(ReloadClient.inject(into: Array("<p>".utf8), generation: 3), Array("<p>\(script)".utf8))
    }

    func testStylesheetNamesAreMaskedInPageDigests() {
        XCTAssertEqual(OutputDigests.unhashed("style.3f2a9c1be07d4a51.css"), "style.css")
        XCTAssertEqual(OutputDigests.unhashed("style.css"), "style.css")
    }
}
