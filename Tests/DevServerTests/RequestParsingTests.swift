import Foundation
import Site
import XCTest
@testable import DevServer

/// The preview's own HTTP rules, free of sockets: paths, media types, base paths, pages.
final class RequestParsingTests: XCTestCase {
    func testPathsAreDecodedIntoSegments() throws {
        let path = try RequestPath(target: "/fr/m%C3%A9tiers//x%20y/?q=%2e%2e#frag")
        XCTAssertEqual(path.segments, ["fr", "métiers", "x y"])
        XCTAssertEqual(path.canonical, "/fr/m%C3%A9tiers/x%20y", "still encoded, one slash between segments")
        XCTAssertEqual(try RequestPath(target: "//en").canonical, "/en", "never `//en`, which a browser reads as a host")
        XCTAssertEqual(path.query, "q=%2e%2e")
        XCTAssertTrue(path.endsWithSlash)
        let file = try RequestPath(target: "/robots.txt")
        XCTAssertEqual(file.segments, ["robots.txt"])
        XCTAssertNil(file.query)
        XCTAssertFalse(file.endsWithSlash)
        XCTAssertEqual(try RequestPath(target: "/").segments, [])
        XCTAssertEqual(try RequestPath(target: "/%252e%252e").segments, ["%2e%2e"], "decoded once only")
    }

    func testUnsafePathsHaveTheirErrors() {
        let cases: [(String, PathError)] = [
            ("*", .notAPath("*")),
            ("http://host/x", .notAPath("http://host/x")),
            ("/a/./b", .dotSegment(".")),
            ("/a/../b", .dotSegment("..")),
            ("/%2E%2e", .dotSegment("%2E%2e")),
            ("/a%2Fb", .encodedSeparator("a%2Fb")),
            ("/a%5Cb", .encodedSeparator("a%5Cb")),
            ("/a%00", .controlCharacter("a%00")),
            ("/a%0A", .controlCharacter("a%0A")),
            ("/a%7f", .controlCharacter("a%7f")),
            ("/%ff", .notUTF8("%ff")),
            ("/%zz", .badPercentEncoding("%zz")),
            ("/a%4", .badPercentEncoding("%4")),
        ]
        for (target, expected) in cases {
            XCTAssertThrowsError(try RequestPath(target: target), target) { XCTAssertEqual($0 as? PathError, expected, target) }
        }
    }

    func testMediaTypesByExtension() {
        let expected = [
            "index.html": "text/html; charset=utf-8", "style.1a2b.css": "text/css; charset=utf-8",
            "app.js": "text/javascript; charset=utf-8", "chart.svg": "image/svg+xml; charset=utf-8",
            "sitemap.xml": "application/xml; charset=utf-8", "robots.txt": "text/plain; charset=utf-8",
            "data.json": "application/json; charset=utf-8", "logo.png": "image/png", "photo.JPG": "image/jpeg",
            "photo.webp": "image/webp", "favicon.ico": "image/x-icon", "font.woff2": "font/woff2",
            "archive.tar.gz": "application/octet-stream", "README": "application/octet-stream",
        ]
        for (name, type) in expected.sorted(by: { $0.key < $1.key }) {
            XCTAssertEqual(MediaType.forFile(named: name), type, name)
        }
    }

    func testAPageIsTheFileItsURLServes() {
        XCTAssertEqual(PreviewResponder.page(at: "/en/", basePath: .root), "en/index.html")
        XCTAssertEqual(PreviewResponder.page(at: "/", basePath: .root), "index.html")
        XCTAssertEqual(PreviewResponder.page(at: "/404.html", basePath: .root), "404.html")
        XCTAssertEqual(PreviewResponder.page(at: "/docs/en/roles/x/", basePath: BasePath(path: "/docs/")), "en/roles/x/index.html")
        XCTAssertNil(PreviewResponder.page(at: "/en/", basePath: BasePath(path: "/docs/")), "outside the base path")
        XCTAssertNil(PreviewResponder.page(at: "/../site.json", basePath: .root))
    }

    func testLoopbackAddresses() {
        for host in ["127.0.0.1", "127.1.2.3", "localhost", "::1"] { XCTAssertTrue(ServeOptions.isLoopback(host), host) }
        for host in ["0.0.0.0", "192.168.1.10", "::", "example.org", "128.0.0.1", "127.0.0.1.example"] {
            XCTAssertFalse(ServeOptions.isLoopback(host), host)
        }
    }

    func testBasePaths() {
        XCTAssertEqual(BasePath(path: "/").segments, [])
        XCTAssertEqual(BasePath(path: "/").path, "/")
        XCTAssertEqual(BasePath(path: "/docs/v2/").segments, ["docs", "v2"])
        let encoded = BasePath(path: "/my%20docs/")
        XCTAssertEqual(encoded.segments, ["my docs"])
        XCTAssertEqual(encoded.path, "/my%20docs/", "as written in URLs")
        let nowhere = FileManager.default.temporaryDirectory.appendingPathComponent("rolegen-no-site-\(UUID().uuidString)")
        var report = SiteBuilder.build(BuildOptions(root: nowhere, writeOutput: false))
        XCTAssertNil(report.basePath)
        XCTAssertEqual(BasePath(of: report), .root, "a build that stopped before reading site.json")
        report.basePath = "/docs/"
        XCTAssertEqual(BasePath(of: report).segments, ["docs"])
        let docs = BasePath(path: "/docs/")
        XCTAssertEqual(docs.relative(["docs", "en"]), ["en"])
        XCTAssertEqual(docs.relative(["docs"]), [])
        XCTAssertNil(docs.relative(["en"]))
        XCTAssertNil(docs.relative([]))
    }
}
