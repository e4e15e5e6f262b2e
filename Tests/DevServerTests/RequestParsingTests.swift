@testable import DevServer
import XCTest

/// The HTTP rules on their own: request heads, paths, media types, dates, base paths.
final class RequestParsingTests: XCTestCase {
    private func head(_ text: String) throws(RequestError) -> RequestHead {
        try RequestHead(parsing: Array(text.utf8))
    }

    func testARequestLineIsParsed() throws {
        let parsed = try head("GET /en/?x=1 HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: */*\r\n")
        XCTAssertEqual(parsed.method, "GET")
        XCTAssertEqual(parsed.target, "/en/?x=1")
        XCTAssertEqual(parsed.version, "HTTP/1.1")
        XCTAssertEqual(parsed.requestLine, "GET /en/?x=1 HTTP/1.1")
        XCTAssertEqual(try head("\r\nHEAD / HTTP/1.0\n").method, "HEAD", "leading blank lines and bare LF are accepted")
    }

    func testMalformedHeadsHaveTheirErrors() {
        let cases: [(String, RequestError)] = [
            ("", .malformedRequestLine),
            ("GET /\r\n", .malformedRequestLine),
            ("GET / HTTP/1.1 extra\r\n", .malformedRequestLine),
            ("G(T / HTTP/1.1\r\n", .malformedRequestLine),
            ("GET /é HTTP/1.1\r\n", .malformedRequestLine),
            ("GET / FTP/1.0\r\n", .malformedRequestLine),
            ("GET / HTTP/2\r\n", .unsupportedVersion("HTTP/2")),
            ("GET / HTTP/1.1\r\n: empty name\r\n", .malformedHeader(": empty name")),
            ("GET / HTTP/1.1\r\nHost : x\r\n", .malformedHeader("Host : x")),
        ]
        for (text, expected) in cases {
            XCTAssertThrowsError(try head(text), text) { XCTAssertEqual($0 as? RequestError, expected, text) }
        }
    }

    func testTheEndOfAHeadIsFound() {
        XCTAssertEqual(RequestHead.endOfHead(in: Array("GET / HTTP/1.1\r\nHost: x\r\n\r\nbody".utf8)), 27)
        XCTAssertEqual(RequestHead.endOfHead(in: Array("GET / HTTP/1.1\n\n".utf8)), 16)
        XCTAssertNil(RequestHead.endOfHead(in: Array("GET / HTTP/1.1\r\nHost: x\r\n".utf8)))
        XCTAssertNil(RequestHead.endOfHead(in: []))
    }

    func testPathsAreDecodedIntoSegments() throws {
        let path = try RequestPath(target: "/fr/m%C3%A9tiers//x%20y/?q=%2e%2e#frag")
        XCTAssertEqual(path.segments, ["fr", "métiers", "x y"])
        XCTAssertEqual(path.raw, "/fr/m%C3%A9tiers//x%20y/")
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

    func testDatesAreIMFFixdate() {
        XCTAssertEqual(HTTPDate.format(secondsSinceEpoch: 784_111_777), "Sun, 06 Nov 1994 08:49:37 GMT")
        XCTAssertEqual(HTTPDate.format(secondsSinceEpoch: 0), "Thu, 01 Jan 1970 00:00:00 GMT")
    }

    func testAResponseIsSerializedWithItsHeaders() {
        let response = HTTPResponse.redirect(to: "/en/")
        let bytes = response.serialized(withBody: true, date: "Thu, 01 Jan 1970 00:00:00 GMT")
        XCTAssertEqual(String(decoding: bytes, as: UTF8.self), """
            HTTP/1.1 301 Moved Permanently\r
            Content-Type: text/plain; charset=utf-8\r
            Location: /en/\r
            Content-Length: 28\r
            Cache-Control: no-store\r
            X-Content-Type-Options: nosniff\r
            Date: Thu, 01 Jan 1970 00:00:00 GMT\r
            Connection: close\r
            \r
            301 Moved Permanently: /en/

            """)
        let head = String(decoding: response.serialized(withBody: false, date: "-"), as: UTF8.self)
        XCTAssertTrue(head.hasSuffix("Content-Length: 28\r\nCache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nDate: -\r\nConnection: close\r\n\r\n"))
    }

    func testBasePaths() {
        XCTAssertEqual(BasePath(baseURL: "https://example.org/").segments, [])
        XCTAssertEqual(BasePath(baseURL: "https://example.org").path, "/")
        XCTAssertEqual(BasePath(baseURL: "https://example.org/docs/v2/").segments, ["docs", "v2"])
        let encoded = BasePath(baseURL: "https://example.org/my%20docs")
        XCTAssertEqual(encoded.segments, ["my docs"])
        XCTAssertEqual(encoded.path, "/my%20docs/", "as written in URLs")
        let docs = BasePath(baseURL: "http://localhost/docs")
        XCTAssertEqual(docs.relative(["docs", "en"]), ["en"])
        XCTAssertEqual(docs.relative(["docs"]), [])
        XCTAssertNil(docs.relative(["en"]))
        XCTAssertNil(docs.relative([]))
    }
}
