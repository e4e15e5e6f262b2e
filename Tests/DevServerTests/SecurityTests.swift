import Foundation
import Site
import XCTest
@testable import DevServer

/// The preview never serves anything outside its folder, never listens beyond 127.0.0.1 unless
/// told to, and no client can hold it up.
final class SecurityTests: XCTestCase {
    private var root: URL!
    private var server: DevServer!

    override func setUpWithError() throws {
        root = try ServedSite.copy(for: self)
        (server, _) = try startServer(root: root) { $0.idleTimeout = .milliseconds(500) }
    }

    /// `site.json` sits right beside `public/`: the file every traversal below aims at.
    private func assertNotLeaked(_ response: RawResponse, _ target: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertNotEqual(response.status, 200, target, file: file, line: line)
        XCTAssertFalse(response.text.contains("willaireplace.example/api/report"), "\(target) leaked site.json", file: file, line: line)
    }

    /// Each target gets the site's 404 page, and nothing from outside the folder.
    private func assertNotFound(_ targets: [String], file: StaticString = #filePath, line: UInt = #line) throws {
        for target in targets {
            let response = try RawHTTP.get(target, port: server.port)
            XCTAssertEqual(response.status, 404, target, file: file, line: line)
            assertNotLeaked(response, target, file: file, line: line)
        }
    }

    func testTraversalIsRefusedWithTheReason() throws {
        let refused = [
            "/../site.json": "the path segment `..` is a dot segment, which could leave the site folder",
            "/%2e%2e/site.json": "the path segment `%2e%2e` is a dot segment, which could leave the site folder",
            "/.%2E/site.json": "the path segment `.%2E` is a dot segment, which could leave the site folder",
            "/en/../../site.json": "the path segment `..` is a dot segment, which could leave the site folder",
            "/en/..%2f..%2fsite.json": "the path segment `..%2f..%2fsite.json` holds an encoded `/` or `\\`",
            "/%2F..%2Fsite.json": "the path segment `%2F..%2Fsite.json` holds an encoded `/` or `\\`",
            "/..%5csite.json": "the path segment `..%5csite.json` holds an encoded `/` or `\\`",
            "/index.html%00.css": "the path segment `index.html%00.css` holds a control character",
            "/%c0%ae%c0%ae/site.json": "the path segment `%c0%ae%c0%ae` does not decode to UTF-8",
            "/%2/site.json": "`%2` is not a valid percent-encoding",
            // Absolute form: the HTTP layer hands rolegen its path.
            "http://127.0.0.1/../site.json": "the path segment `..` is a dot segment, which could leave the site folder",
        ]
        for (target, reason) in refused.sorted(by: { $0.key < $1.key }) {
            let response = try RawHTTP.get(target, port: server.port)
            XCTAssertEqual(response.status, 400, target)
            XCTAssertEqual(response.text, "400 Bad Request: \(reason)\n", target)
            assertNotLeaked(response, target)
        }
        // Not a path at all: the HTTP parser refuses it before rolegen sees it.
        for target in ["../site.json", "*"] {
            let response = try RawHTTP.get(target, port: server.port)
            XCTAssertEqual(response.status, 400, target)
            assertNotLeaked(response, target)
        }
    }

    func testAnAbsolutePathInsideTheRequestStaysInsideTheFolder() throws {
        // `//etc/passwd` names `etc/passwd` inside the output folder, which does not exist.
        try assertNotFound(["//etc/passwd", "/\(root.path)/site.json", "/%252e%252e/site.json"])
    }

    func testSymlinksLeadingOutsideAreNotFollowed() throws {
        let output = root.appendingPathComponent("public")
        try FileManager.default.createSymbolicLink(atPath: output.appendingPathComponent("leak.json").path, withDestinationPath: "../site.json")
        try FileManager.default.createSymbolicLink(at: output.appendingPathComponent("up"), withDestinationURL: root)
        try FileManager.default.createSymbolicLink(atPath: output.appendingPathComponent("etc").path, withDestinationPath: "/etc")
        try assertNotFound(["/leak.json", "/up/site.json", "/up/", "/up", "/etc/hostname"])
    }

    func testSymlinksInsideTheFolderAreFollowed() throws {
        let output = root.appendingPathComponent("public")
        try FileManager.default.createSymbolicLink(atPath: output.appendingPathComponent("home.html").path, withDestinationPath: "en/index.html")
        let response = try RawHTTP.get("/home.html", port: server.port)
        XCTAssertEqual(response.status, 200)
        XCTAssertEqual(response.body, ReloadClient.inject(into: Array(try Data(contentsOf: output.appendingPathComponent("en/index.html"))), generation: 1))
    }

    func testOnlyGetAndHeadAreAnswered() throws {
        for method in ["POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "PROPFIND"] {
            let response = try RawHTTP.request(method, "/en/", port: server.port)
            XCTAssertEqual(response.status, 405, method)
            XCTAssertEqual(response.headers["allow"], "GET, HEAD", method)
            XCTAssertEqual(response.text, "405 Method Not Allowed: this preview answers GET and HEAD only\n", method)
        }
        // Methods are case-sensitive: `get` is no GET (the HTTP parser refuses it).
        XCTAssertEqual(try RawHTTP.request("get", "/en/", port: server.port).status, 400)
    }

    func testAPostWithABodyStillGetsItsAnswer() throws {
        let body = String(repeating: "x", count: 100_000)
        let response = try RawHTTP.exchange("POST /en/ HTTP/1.1\r\nHost: x\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)", port: server.port)
        XCTAssertEqual(response.status, 405)
    }

    func testAnOversizedHeadIsRefused() throws {
        // Hummingbird's limit: 80 KiB of header fields.
        let padding = String(repeating: "a", count: 100_000)
        let response = try RawHTTP.exchange("GET /en/ HTTP/1.1\r\nHost: x\r\nX-Padding: \(padding)\r\n\r\n", port: server.port)
        XCTAssertEqual(response.status, 400)
        assertNotLeaked(response, "oversized")
    }

    func testMalformedRequestsAreRefused() throws {
        for request in ["GARBAGE\r\n\r\n", "GET /en/ HTTP/1.1\r\nno colon here\r\n\r\n", "GET /en/ HTTP/9.9\r\n\r\n"] {
            let response = try RawHTTP.exchange(request, port: server.port)
            XCTAssertEqual(response.status, 400, request)
            XCTAssertEqual(response.body, [], request)
        }
    }

    func testTheSocketIsBoundToLoopbackOnly() throws {
        XCTAssertEqual(server.listeningHost, "127.0.0.1")
        // Bound to 0.0.0.0 it would also answer on every other address, 127.0.0.2 included.
        XCTAssertThrowsError(try RawHTTP.connect(port: server.port, host: "127.0.0.2")) { error in
            guard case let RawHTTP.Failure.connect(code) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(code, ECONNREFUSED)
        }
    }

    /// Reads until the server closes `client`: true when it does (recv returns 0) within 10 s.
    private func closedByServer(_ client: Int32) -> Bool {
        var byte = [UInt8](repeating: 0, count: 1024)
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            let count = recv(client, &byte, byte.count, 0)
            if count == 0 { return true }
            if count < 0 && errno != EAGAIN && errno != EINTR { return true }
        }
        return false
    }

    func testASilentClientDoesNotBlockOthersAndIsClosedWhenIdle() throws {
        let silent = try RawHTTP.connect(port: server.port)
        defer { close(silent) }
        let trickling = try RawHTTP.connect(port: server.port)
        defer { close(trickling) }
        RawHTTP.send(Array("GET /en/ HT".utf8), on: trickling)
        XCTAssertEqual(try RawHTTP.get("/en/", port: server.port).status, 200)
        // Then each is closed once idle for the idle timeout (500 ms here).
        XCTAssertTrue(closedByServer(silent), "silent client closed")
        XCTAssertTrue(closedByServer(trickling), "trickling client closed")
    }

    func testManySlowClientsDoNotHoldUpOthersNorStop() throws {
        let root = try ServedSite.copy(for: self)
        let (patient, _) = try startServer(root: root) { $0.idleTimeout = .seconds(60) }
        let slow = try (0..<200).map { _ in try RawHTTP.connect(port: patient.port) }
        defer { for client in slow { close(client) } }
        for client in slow { RawHTTP.send(Array("GET /en/ HTTP/1.1\r\nHost".utf8), on: client) }
        for _ in 0..<20 {
            XCTAssertEqual(try RawHTTP.get("/en/", port: patient.port).status, 200)
        }
        // Stopping does not wait for them either: they are closed.
        patient.stop()
        XCTAssertTrue(slow.prefix(5).allSatisfy(closedByServer))
    }

    func testKeepAliveConnectionsAnswerManyRequests() throws {
        let client = try RawHTTP.connect(port: server.port)
        defer { close(client) }
        for target in ["/en/", "/fr/", "/robots.txt", "/en", "/nothing"] {
            RawHTTP.send(Array("GET \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".utf8), on: client)
            let response = try RawHTTP.readResponse(from: client)
            XCTAssertEqual(response.status, ["/en": 301, "/nothing": 404][target] ?? 200, target)
        }
    }

    func testATakenPortIsReported() throws {
        let root = try ServedSite.copy(for: self)
        XCTAssertThrowsError(try startServer(root: root) { $0.port = self.server.port }) { error in
            XCTAssertEqual(error as? ServeError, .portInUse("127.0.0.1", server.port))
            XCTAssertEqual("\(error)", "port \(server.port) on 127.0.0.1 is already in use — stop the other server, or pass --port 0 for any free port")
        }
    }
}
