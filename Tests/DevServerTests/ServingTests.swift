import Foundation
import Site
import XCTest
@testable import DevServer

/// What a browser gets from the preview of the i18n fixture site.
final class ServingTests: XCTestCase {
    private var root: URL!
    private var server: DevServer!
    private var log: EventLog!

    override func setUpWithError() throws {
        root = try ServedSite.copy(for: self)
        (server, log) = try startServer(root: root)
    }

    private func output(_ path: String) throws -> [UInt8] {
        Array(try Data(contentsOf: root.appendingPathComponent("public/" + path)))
    }

    /// An HTML file as served: the file's bytes with the reload script before `</body>`.
    private func served(_ path: String) throws -> [UInt8] {
        ReloadClient.inject(into: try output(path), generation: 1)
    }

    func testStartBuildsOnceAndPrintsTheRootURL() throws {
        XCTAssertEqual(log.builds.count, 1)
        XCTAssertTrue(log.builds[0].succeeded)
        XCTAssertGreaterThan(server.port, 0)
        XCTAssertEqual(server.url, "http://127.0.0.1:\(server.port)/")
    }

    func testAPageIsServedWithItsBytesAndType() throws {
        let response = try RawHTTP.get("/en/roles/backend-developer/", port: server.port)
        XCTAssertEqual(response.status, 200)
        XCTAssertEqual(response.headers["content-type"], "text/html; charset=utf-8")
        XCTAssertEqual(response.headers["cache-control"], "no-store")
        XCTAssertEqual(response.headers["x-content-type-options"], "nosniff")
        let expected = try served("en/roles/backend-developer/index.html")
        XCTAssertEqual(response.headers["content-length"], "\(expected.count)")
        XCTAssertEqual(response.body, expected)
        XCTAssertTrue(response.text.contains("Backend Developer"))
    }

    func testTheRootAndLocaleIndexesServeTheirIndexFiles() throws {
        XCTAssertEqual(try RawHTTP.get("/", port: server.port).body, try served("index.html"))
        XCTAssertEqual(try RawHTTP.get("/fr/", port: server.port).body, try served("fr/index.html"))
        XCTAssertEqual(try RawHTTP.get("/fr/metiers/backend-developer/", port: server.port).body,
                       try served("fr/metiers/backend-developer/index.html"))
    }

    func testOtherFilesGetTheirTypes() throws {
        let stylesheet = try XCTUnwrap(log.builds[0].files.first { $0.hasPrefix("assets/") && $0.hasSuffix(".css") })
        let css = try RawHTTP.get("/" + stylesheet, port: server.port)
        XCTAssertEqual(css.status, 200)
        XCTAssertEqual(css.headers["content-type"], "text/css; charset=utf-8")
        XCTAssertEqual(css.body, try output(stylesheet))
        XCTAssertEqual(try RawHTTP.get("/sitemap.xml", port: server.port).headers["content-type"], "application/xml; charset=utf-8")
        XCTAssertEqual(try RawHTTP.get("/robots.txt", port: server.port).headers["content-type"], "text/plain; charset=utf-8")
    }

    func testHeadSendsTheHeadersOfGetWithoutABody() throws {
        let response = try RawHTTP.request("HEAD", "/en/roles/backend-developer/", port: server.port)
        XCTAssertEqual(response.status, 200)
        XCTAssertEqual(response.headers["content-length"], "\(try served("en/roles/backend-developer/index.html").count)")
        XCTAssertEqual(response.body, [])
    }

    func testAFolderWithoutItsSlashRedirects() throws {
        let response = try RawHTTP.get("/en/roles/backend-developer", port: server.port)
        XCTAssertEqual(response.status, 301)
        XCTAssertEqual(response.headers["location"], "/en/roles/backend-developer/")
        let withQuery = try RawHTTP.get("/en?utm=x", port: server.port)
        XCTAssertEqual(withQuery.status, 301)
        XCTAssertEqual(withQuery.headers["location"], "/en/?utm=x")
    }

    func testADoubleSlashNeverRedirectsToAnotherHost() throws {
        // `Location: //en/` would send the browser to the host `en`.
        for (target, location) in [("//en", "/en/"), ("///en//roles//backend-developer", "/en/roles/backend-developer/")] {
            let response = try RawHTTP.get(target, port: server.port)
            XCTAssertEqual(response.status, 301, target)
            XCTAssertEqual(response.headers["location"], location, target)
        }
    }

    func testAQueryIsIgnoredForLookup() throws {
        let response = try RawHTTP.get("/en/?utm=x#top", port: server.port)
        XCTAssertEqual(response.status, 200)
        XCTAssertEqual(response.body, try served("en/index.html"))
    }

    func testAnUnknownPathIsA404WithTheSitesNotFoundPage() throws {
        let notFoundPage = try served("404.html")
        for target in ["/nothing.html", "/robots.txt/", "/assets/"] {
            let response = try RawHTTP.get(target, port: server.port)
            XCTAssertEqual(response.status, 404, target)
            XCTAssertEqual(response.headers["content-type"], "text/html; charset=utf-8", target)
            XCTAssertEqual(response.body, notFoundPage, target)
        }
    }

    /// A missing page under a locale's folder gets that locale's not-found page.
    func testAnUnknownPathUnderALocaleGetsThatLocalesNotFoundPage() throws {
        for (target, page) in [("/fr/metiers/no-such-role/", "fr/404.html"), ("/fr/nothing", "fr/404.html"),
                               ("/en/roles/no-such-role/", "en/404.html")] {
            let response = try RawHTTP.get(target, port: server.port)
            XCTAssertEqual(response.status, 404, target)
            XCTAssertEqual(response.body, try served(page), target)
        }
        XCTAssertTrue(try RawHTTP.get("/fr/nothing", port: server.port).text.contains("<html lang=\"fr\">"))
    }

    func testOnlyHTMLGetsTheReloadScriptAndTheFilesNeverDo() throws {
        let page = try RawHTTP.get("/en/", port: server.port).text
        XCTAssertEqual(page.components(separatedBy: "/__rolegen/events?build=1&page=").count, 2, "once per page")
        XCTAssertTrue(page.hasSuffix("</script>\n</body>\n</html>\n"), "just before </body>")
        XCTAssertFalse(try RawHTTP.get("/sitemap.xml", port: server.port).text.contains("__rolegen"))
        XCTAssertFalse(try RawHTTP.get("/robots.txt", port: server.port).text.contains("__rolegen"))
        let files = try XCTUnwrap(FileManager.default.enumerator(atPath: root.appendingPathComponent("public").path))
        for case let file as String in files where file.hasSuffix(".html") {
            XCTAssertFalse(String(decoding: try output(file), as: UTF8.self).contains("__rolegen"), file)
        }
    }

    func testAPlain404WhenTheSiteHasNoNotFoundPage() throws {
        try FileManager.default.removeItem(at: root.appendingPathComponent("public/404.html"))
        let response = try RawHTTP.get("/missing", port: server.port)
        XCTAssertEqual(response.status, 404)
        XCTAssertEqual(response.headers["content-type"], "text/plain; charset=utf-8")
        XCTAssertEqual(response.text, "404 Not Found\n")
    }

    func testRequestsAreReportedAsEvents() throws {
        _ = try RawHTTP.get("/en/", port: server.port)
        _ = try RawHTTP.request("POST", "/en/", port: server.port)
        log.waitUntil("both requests are logged") { $0.served.count == 2 }
        XCTAssertEqual(log.served.map(\.request), ["GET /en/", "POST /en/"])
        XCTAssertEqual(log.served.map(\.status), [.ok, .methodNotAllowed])
    }

    func testStopClosesTheSocket() throws {
        server.stop()
        XCTAssertThrowsError(try RawHTTP.connect(port: server.port))
        server.stop()  // a second stop is harmless
    }
}

/// A site whose base URL has a path: links go under it, files stay at the top of the output.
final class BasePathServingTests: XCTestCase {
    func testRequestsAreMappedBelowTheBasePath() throws {
        let root = try ServedSite.copy(for: self)
        try ServedSite.edit(root, "site.json", replacing: "https://willaireplace.example/\"", with: "https://willaireplace.example/careers/\"")
        let (server, _) = try startServer(root: root)
        XCTAssertEqual(server.url, "http://127.0.0.1:\(server.port)/careers/")
        let page = try RawHTTP.get("/careers/en/", port: server.port)
        XCTAssertEqual(page.status, 200)
        XCTAssertEqual(page.body, ReloadClient.inject(into: Array(try Data(contentsOf: root.appendingPathComponent("public/en/index.html"))), generation: 1))
        XCTAssertTrue(page.text.contains("href=\"/careers/en/"), "links are under the base path")
        let base = try RawHTTP.get("/careers", port: server.port)
        XCTAssertEqual(base.status, 301)
        XCTAssertEqual(base.headers["location"], "/careers/")
        XCTAssertEqual(try RawHTTP.get("/en/", port: server.port).status, 404, "outside the base path")
    }

    /// The server maps requests with the base path the build reports, never with one it works
    /// out from site.json itself: a rebuilder that reports another path moves the preview.
    func testTheBasePathComesFromTheBuild() throws {
        struct ReportingElsewhere: Rebuilder {
            let options: BuildOptions
            func rebuild(changedSources: [String]) -> RebuildResult {
                var report = SiteBuilder.build(options)
                report.basePath = "/elsewhere/"
                return RebuildResult(report: report, changedOutputs: .everything)
            }
        }
        let root = try ServedSite.copy(for: self)
        let options = ServeOptions(build: BuildOptions(root: root), port: 0)
        let server = try DevServer.start(options, rebuilder: ReportingElsewhere(options: options.build))
        addTeardownBlock { server.stop() }
        XCTAssertEqual(server.url, "http://127.0.0.1:\(server.port)/elsewhere/")
        XCTAssertEqual(try RawHTTP.get("/elsewhere/en/", port: server.port).status, 200)
        XCTAssertEqual(try RawHTTP.get("/en/", port: server.port).status, 404, "site.json's base path is not consulted")
    }

    func testAnEditedBaseURLMovesThePreviewWithTheNextGoodBuild() throws {
        let root = try ServedSite.copy(for: self)
        let (server, log) = try startServer(root: root)
        XCTAssertEqual(try RawHTTP.get("/en/", port: server.port).status, 200)
        try ServedSite.edit(root, "site.json", replacing: "https://willaireplace.example/\"", with: "https://willaireplace.example/careers/\"")
        log.waitUntil("the rebuild is reported") { $0.builds.count == 2 }
        XCTAssertTrue(log.builds[1].succeeded)
        XCTAssertEqual(server.url, "http://127.0.0.1:\(server.port)/careers/")
        XCTAssertEqual(try RawHTTP.get("/careers/en/", port: server.port).status, 200)
        XCTAssertEqual(try RawHTTP.get("/en/", port: server.port).status, 404, "outside the new base path")
    }

    func testTheBaseURLOptionWins() throws {
        let root = try ServedSite.copy(for: self)
        let (server, _) = try startServer(root: root) { $0.build.baseURL = "http://localhost/preview/" }
        XCTAssertEqual(server.url, "http://127.0.0.1:\(server.port)/preview/")
        XCTAssertEqual(try RawHTTP.get("/preview/en/", port: server.port).status, 200)
    }
}
