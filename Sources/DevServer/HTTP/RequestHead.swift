/// The request line of an HTTP/1.x request, read from the head the client sent. Header fields
/// are checked for form but not kept: a static preview answers the same whatever they say.
struct RequestHead: Equatable, Sendable {
    /// `GET`, `HEAD`, … exactly as sent (methods are case-sensitive).
    var method: String
    /// The request target as sent, still percent-encoded: `/en/roles/?x=1`.
    var target: String
    /// `HTTP/1.1` or `HTTP/1.0`.
    var version: String

    /// `GET /en/ HTTP/1.1`, as request logs show it.
    var requestLine: String { "\(method) \(target) \(version)" }

    /// Parses a head without its final blank line. Lines may end in CRLF or, as RFC 9112
    /// allows a recipient to accept, in a bare LF.
    init(parsing head: [UInt8]) throws(RequestError) {
        var lines = head.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { line in
            line.last == UInt8(ascii: "\r") ? line.dropLast() : line
        }
        // RFC 9112 §2.2: a server should ignore empty lines received before the request line.
        while lines.first?.isEmpty == true { lines.removeFirst() }
        guard let first = lines.first else { throw .malformedRequestLine }
        let parts = first.split(separator: UInt8(ascii: " "), omittingEmptySubsequences: false)
        guard parts.count == 3,
              !parts[0].isEmpty, parts[0].allSatisfy(Self.isTokenCharacter),
              !parts[1].isEmpty, parts[1].allSatisfy(Self.isVisibleASCII)
        else { throw .malformedRequestLine }
        let version = String(decoding: parts[2], as: UTF8.self)
        guard version == "HTTP/1.1" || version == "HTTP/1.0" else {
            throw Self.looksLikeHTTPVersion(version) ? .unsupportedVersion(version) : .malformedRequestLine
        }
        for line in lines.dropFirst() where !line.isEmpty {
            guard let colon = line.firstIndex(of: UInt8(ascii: ":")), colon > line.startIndex,
                  line[..<colon].allSatisfy(Self.isTokenCharacter)
            else { throw .malformedHeader(String(decoding: line.prefix(40), as: UTF8.self)) }
        }
        method = String(decoding: parts[0], as: UTF8.self)
        target = String(decoding: parts[1], as: UTF8.self)
        self.version = version
    }

    /// The length of the head in `bytes` up to and including its blank line, or nil while the
    /// blank line has not arrived. Accepts `\r\n\r\n` and bare `\n\n` (and mixes).
    static func endOfHead(in bytes: [UInt8]) -> Int? {
        var index = 0
        while let newline = bytes[index...].firstIndex(of: UInt8(ascii: "\n")) {
            var next = newline + 1
            if next < bytes.count, bytes[next] == UInt8(ascii: "\r") { next += 1 }
            if next < bytes.count, bytes[next] == UInt8(ascii: "\n") { return next + 1 }
            index = newline + 1
        }
        return nil
    }

    /// RFC 9110 `tchar`: what method names and header field names are made of.
    private static func isTokenCharacter(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        default:
            Array("!#$%&'*+-.^_`|~".utf8).contains(byte)
        }
    }

    /// A request target is visible ASCII: no spaces, no controls, no raw UTF-8.
    private static func isVisibleASCII(_ byte: UInt8) -> Bool { byte > 0x20 && byte < 0x7F }

    /// `HTTP/2.0`, `HTTP/3`: a version, just not one this server speaks.
    private static func looksLikeHTTPVersion(_ text: String) -> Bool {
        text.hasPrefix("HTTP/") && text.dropFirst(5).allSatisfy { $0.isASCII && ($0.isNumber || $0 == ".") } && text.count > 5
    }
}

/// Why a request head could not be answered normally. Each case is one way a client (a
/// browser, curl, a script) can get a request wrong, and has the status it is answered with.
enum RequestError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The first line is not `METHOD target HTTP/x.y` with single spaces.
    case malformedRequestLine
    /// A header line has no `name:` (the text is the line's start, for the response body).
    case malformedHeader(String)
    /// The version is not HTTP/1.0 or HTTP/1.1.
    case unsupportedVersion(String)
    /// The head is longer than the server's limit (8 KiB by default) without a blank line.
    case headersTooLarge(limit: Int)
    /// The head did not arrive completely before the request deadline.
    case timedOut
    /// The client closed the connection before sending a whole head: nobody to answer.
    case closedEarly

    /// The answer, or nil when there is nobody to answer.
    var status: HTTPStatus? {
        switch self {
        case .malformedRequestLine, .malformedHeader: .badRequest
        case .unsupportedVersion: .versionNotSupported
        case .headersTooLarge: .headersTooLarge
        case .timedOut: .requestTimeout
        case .closedEarly: nil
        }
    }

    var description: String {
        switch self {
        case .malformedRequestLine: "the request line is not `METHOD /path HTTP/1.1`"
        case let .malformedHeader(line): "the header line `\(line)` has no `name:`"
        case let .unsupportedVersion(version): "\(version) is not supported; this server speaks HTTP/1.1"
        case let .headersTooLarge(limit): "the request head is larger than \(limit) bytes"
        case .timedOut: "the request head did not arrive in time"
        case .closedEarly: "the client closed the connection before sending a request"
        }
    }
}
