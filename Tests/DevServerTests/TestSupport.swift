import Foundation
import LibC
import Site
import Synchronization
import TestSupport
import XCTest
@testable import DevServer

/// The site the server tests serve: the i18n fixture (Tests/Fixtures/i18n), copied into a temp
/// folder so tests can edit it.
enum ServedSite {
    static func copy(for test: XCTestCase) throws -> URL {
        try FixtureSites.copy("i18n", testCase: test)
    }

    /// Replaces `old` with `new` in a file of the site, failing the test when `old` is absent.
    /// The new text is written to a hidden file (which the watcher ignores) and renamed over
    /// the old one, so no poll ever sees a half-written file: each edit is exactly one change.
    static func edit(_ root: URL, _ path: String, replacing old: String, with new: String,
                     file: StaticString = #filePath, line: UInt = #line) throws {
        let url = root.appendingPathComponent(path)
        let text = try String(contentsOf: url, encoding: .utf8)
        XCTAssertTrue(text.contains(old), "\(path) contains \(old)", file: file, line: line)
        let staged = url.deletingLastPathComponent().appendingPathComponent(".editing-" + url.lastPathComponent)
        try Data(text.replacingOccurrences(of: old, with: new).utf8).write(to: staged)
        XCTAssertEqual(rename(staged.path, url.path), 0, "rename \(staged.path)", file: file, line: line)
    }
}

/// Every event a server reported, in order, readable from the test's thread. A test waits for
/// the events it expects with `waitUntil`, woken by each new event — never by sleeping.
final class EventLog: Sendable {
    /// The events reported so far, and what they say.
    struct Events {
        var all: [DevServerEvent] = []

        var builds: [BuildReport] {
            all.compactMap { if case let .built(report) = $0 { report } else { nil } }
        }

        var changes: [[String]] {
            all.compactMap { if case let .rebuilding(paths) = $0 { paths } else { nil } }
        }

        var served: [(request: String, status: HTTPStatus)] {
            all.compactMap { if case let .served(request, status) = $0 { (request, status) } else { nil } }
        }
    }

    private let events = Observed(Events())

    func record(_ event: DevServerEvent) {
        events.update { $0.all.append(event) }
    }

    var builds: [BuildReport] { events.current.builds }
    var changes: [[String]] { events.current.changes }
    var served: [(request: String, status: HTTPStatus)] { events.current.served }

    /// Blocks until `condition` holds of the events, checked again at each new one; fails the
    /// test when it still does not after `seconds` (a guard against a hang).
    func waitUntil(_ what: String, seconds: Double = 30, file: StaticString = #filePath, line: UInt = #line,
                   _ condition: (Events) -> Bool) {
        if !events.wait(seconds: seconds, until: condition) {
            XCTFail("no event after \(seconds) s made it true that \(what)", file: file, line: line)
        }
    }
}

extension XCTestCase {
    /// Starts a server on a free port for `root` and stops it when the test ends.
    func startServer(root: URL, configure: (inout ServeOptions) -> Void = { _ in }) throws -> (server: DevServer, log: EventLog) {
        var options = ServeOptions(build: BuildOptions(root: root), port: 0)
        configure(&options)
        let log = EventLog()
        let server = try DevServer.start(options) { log.record($0) }
        addTeardownBlock { server.stop() }
        return (server, log)
    }
}

/// A response as it came off the wire.
struct RawResponse {
    var status: Int
    /// Header names lowercased.
    var headers: [String: String]
    var body: [UInt8]
    var text: String { String(decoding: body, as: UTF8.self) }
}

/// A deliberately plain HTTP client over a socket, so tests send exactly the bytes they mean
/// (URLSession would normalize `..` and percent-encodings away before sending).
enum RawHTTP {
    enum Failure: Error {
        case connect(Int32)
        case noResponse(String)
    }

    /// Connects to `host:port`, with 5 s read and write timeouts so no test can hang.
    static func connect(port: UInt16, host: String = "127.0.0.1") throws -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        inet_pton(AF_INET, host, &address.sin_addr)
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { LibC.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else {
            let code = errno
            close(fd)
            throw Failure.connect(code)
        }
        return fd
    }

    /// Sends `request` as is and reads the response (its head only, for HEAD).
    static func exchange(_ request: String, port: UInt16) throws -> RawResponse {
        let fd = try connect(port: port)
        defer { close(fd) }
        send(Array(request.utf8), on: fd)
        return try readResponse(from: fd, withBody: !request.hasPrefix("HEAD "))
    }

    static func get(_ target: String, port: UInt16) throws -> RawResponse {
        try request("GET", target, port: port)
    }

    static func request(_ method: String, _ target: String, port: UInt16) throws -> RawResponse {
        try exchange("\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", port: port)
    }

    static func send(_ bytes: [UInt8], on fd: Int32) {
        var sent = 0
        while sent < bytes.count {
            let count = bytes.withUnsafeBytes { LibC.send(fd, $0.baseAddress! + sent, $0.count - sent, Int32(MSG_NOSIGNAL)) }
            guard count > 0 else { return }
            sent += count
        }
    }

    /// Reads one response: its head, then as many body bytes as its Content-Length says (the
    /// connection may stay open), or everything until the server closes when it has none.
    static func readResponse(from fd: Int32, withBody: Bool = true) throws -> RawResponse {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        let separator = Array("\r\n\r\n".utf8)
        var end: Int?
        var expected: Int?
        while true {
            if end == nil, bytes.count >= 4 {
                end = (0...(bytes.count - 4)).first { Array(bytes[$0..<($0 + 4)]) == separator }
                if let end {
                    let head = String(decoding: bytes[..<end], as: UTF8.self).lowercased()
                    if let line = head.components(separatedBy: "\r\n").first(where: { $0.hasPrefix("content-length:") }) {
                        expected = Int(line.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces))
                    }
                    if !withBody { expected = 0 }
                }
            }
            if let end, let expected, bytes.count >= end + 4 + expected { break }
            let count = recv(fd, &chunk, chunk.count, 0)
            guard count > 0 else { break }
            bytes += chunk[..<count]
        }
        guard let end else { throw Failure.noResponse(String(decoding: bytes, as: UTF8.self)) }
        let lines = String(decoding: bytes[..<end], as: UTF8.self).components(separatedBy: "\r\n")
        let statusLine = lines[0].split(separator: " ")
        guard statusLine.count >= 2, let status = Int(statusLine[1]) else { throw Failure.noResponse(lines[0]) }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        let body = bytes[(end + 4)...]
        return RawResponse(status: status, headers: headers, body: Array(expected.map { body.prefix($0) } ?? body))
    }
}

/// A page's live-reload connection, as a browser's EventSource opens it: reads the stream as it
/// comes and waits for an event with a deadline (never sleep-and-check).
final class EventStreamClient {
    private let fd: Int32
    /// Everything received so far (chunked framing included: each event arrives in one chunk).
    private(set) var received = ""

    /// Connects for the page at `page`, served after `build` builds, and waits until the server
    /// confirms the stream is open.
    init(port: UInt16, page: String, build: Int) throws {
        fd = try RawHTTP.connect(port: port)
        let target = "/__rolegen/events?build=\(build)&page=" + (page.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? page)
        RawHTTP.send(Array("GET \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n".utf8), on: fd)
        guard waitFor(": rolegen serve: listening for builds") else {
            close(fd)
            throw RawHTTP.Failure.noResponse(received)
        }
    }

    deinit { close(fd) }

    /// Reads until `text` has arrived (true) or `seconds` have passed or the stream ended (false).
    @discardableResult
    func waitFor(_ text: String, seconds: Double = 10) -> Bool {
        waitUntil(seconds: seconds) { $0.contains(text) }
    }

    /// Reads until `condition` holds for what was received (true), or `seconds` have passed or
    /// the stream ended (false). Each read blocks for at most 200 ms.
    func waitUntil(seconds: Double, _ condition: (String) -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        var chunk = [UInt8](repeating: 0, count: 65536)
        var timeout = timeval(tv_sec: 0, tv_usec: 200_000)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        while !condition(received) {
            guard Date() < deadline else { return false }
            let count = recv(fd, &chunk, chunk.count, 0)
            if count == 0 { return false }
            if count > 0 { received += String(decoding: chunk[..<count], as: UTF8.self) }
        }
        return true
    }

    /// Waits for the first event named `name` and returns its data (the `data:` lines joined by
    /// newlines), or nil when it did not come in time.
    func event(_ name: String, seconds: Double = 10) -> String? {
        let header = "event: \(name)\n"
        let complete = waitUntil(seconds: seconds) { text in
            guard let start = text.range(of: header) else { return false }
            return text[start.upperBound...].contains("\n\n")
        }
        guard complete, let start = received.range(of: header) else { return nil }
        let block = received[start.upperBound...].components(separatedBy: "\n\n")[0]
        return block.components(separatedBy: "\n").filter { $0.hasPrefix("data: ") }.map { String($0.dropFirst(6)) }.joined(separator: "\n")
    }

    /// The names of every event received so far, in order.
    var eventNames: [String] {
        // `\r\n` (chunk framing) is one Character in Swift: make it a plain newline first.
        received.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n").filter { $0.hasPrefix("event: ") }.map { String($0.dropFirst(7)) }
    }
}
