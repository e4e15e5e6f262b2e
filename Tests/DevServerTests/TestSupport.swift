@testable import DevServer
import Foundation
import Site
import Synchronization
import XCTest

/// The repository's example site, copied into a temp folder so tests can edit it.
enum ExampleSite {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func copy(for test: XCTestCase) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("rolegen-serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for item in ["site.json", "content", "locales", "templates"] {
            try FileManager.default.copyItem(at: packageRoot.appendingPathComponent(item), to: root.appendingPathComponent(item))
        }
        test.addTeardownBlock { try? FileManager.default.removeItem(at: root) }
        return root
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

/// Every event a server reported, in order, readable from the test's thread.
final class EventLog: Sendable {
    private let events = Mutex<[DevServerEvent]>([])

    func record(_ event: DevServerEvent) {
        events.withLock { $0.append(event) }
    }

    var builds: [BuildReport] {
        events.withLock { $0.compactMap { if case let .built(report) = $0 { report } else { nil } } }
    }

    var changes: [[String]] {
        events.withLock { $0.compactMap { if case let .rebuilding(paths) = $0 { paths } else { nil } } }
    }

    var served: [(requestLine: String, status: HTTPStatus)] {
        events.withLock { $0.compactMap { if case let .served(line, status) = $0 { (line, status) } else { nil } } }
    }
}

extension XCTestCase {
    /// Starts a server on a free port for `root` (polling fast, so tests stay short) and stops
    /// it when the test ends.
    func startServer(root: URL, configure: (inout ServeOptions) -> Void = { _ in }) throws -> (server: DevServer, log: EventLog) {
        var options = ServeOptions(build: BuildOptions(root: root), port: 0, pollInterval: .milliseconds(100), requestTimeout: .seconds(2))
        configure(&options)
        let log = EventLog()
        let server = try DevServer.start(options) { log.record($0) }
        addTeardownBlock { server.stop() }
        return (server, log)
    }

    /// Polls `condition` every 50 ms for up to `seconds`; fails the test when it never holds.
    func waitUntil(_ what: String, seconds: Double = 10, file: StaticString = #filePath, line: UInt = #line,
                   _ condition: () throws -> Bool) rethrows {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if try condition() { return }
            Thread.sleep(forTimeInterval: 0.05)
        }
        XCTFail("timed out after \(seconds) s waiting until \(what)", file: file, line: line)
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
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else {
            let code = errno
            close(fd)
            throw Failure.connect(code)
        }
        return fd
    }

    /// Sends `request` as is and reads the response until the server closes.
    static func exchange(_ request: String, port: UInt16) throws -> RawResponse {
        let fd = try connect(port: port)
        defer { close(fd) }
        send(Array(request.utf8), on: fd)
        return try readResponse(from: fd)
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
            let count = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress! + sent, $0.count - sent, Int32(MSG_NOSIGNAL)) }
            guard count > 0 else { return }
            sent += count
        }
    }

    static func readResponse(from fd: Int32) throws -> RawResponse {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = recv(fd, &chunk, chunk.count, 0)
            guard count > 0 else { break }
            bytes += chunk[..<count]
        }
        let separator = Array("\r\n\r\n".utf8)
        guard let end = (0...max(0, bytes.count - 4)).first(where: { Array(bytes[$0..<min($0 + 4, bytes.count)]) == separator }) else {
            throw Failure.noResponse(String(decoding: bytes, as: UTF8.self))
        }
        let lines = String(decoding: bytes[..<end], as: UTF8.self).components(separatedBy: "\r\n")
        let statusLine = lines[0].split(separator: " ")
        guard statusLine.count >= 2, let status = Int(statusLine[1]) else { throw Failure.noResponse(lines[0]) }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return RawResponse(status: status, headers: headers, body: Array(bytes[(end + 4)...]))
    }
}
