#if canImport(Glibc)
import Glibc
#endif

/// One HTTP/1.1 response. Every response closes its connection and forbids caching: a preview
/// changes on every rebuild, and a browser showing a stale page would hide the edit.
struct HTTPResponse: Equatable, Sendable {
    struct Header: Equatable, Sendable {
        var name: String
        var value: String
    }

    var status: HTTPStatus
    /// Headers specific to this response, in the order they are sent.
    var headers: [Header]
    var body: [UInt8]

    /// A file's bytes with the Content-Type of its name.
    static func file(_ bytes: [UInt8], named name: String, status: HTTPStatus = .ok) -> HTTPResponse {
        HTTPResponse(status: status, headers: [Header(name: "Content-Type", value: MediaType.forFile(named: name))], body: bytes)
    }

    /// `301` to `location`, a root-relative path.
    static func redirect(to location: String) -> HTTPResponse {
        var response = text(.movedPermanently, "\(HTTPStatus.movedPermanently): \(location)")
        response.headers.append(Header(name: "Location", value: location))
        return response
    }

    /// `405`, with the `Allow` header RFC 9110 requires.
    static var methodNotAllowed: HTTPResponse {
        var response = text(.methodNotAllowed, "\(HTTPStatus.methodNotAllowed): this preview answers GET and HEAD only")
        response.headers.append(Header(name: "Allow", value: "GET, HEAD"))
        return response
    }

    /// A refusal with its status and the reason, for the developer reading it in a browser.
    static func refusal(_ status: HTTPStatus, because reason: some CustomStringConvertible) -> HTTPResponse {
        text(status, "\(status): \(reason)")
    }

    /// A short plain-text response: the status line, and the reason when there is one to give.
    static func text(_ status: HTTPStatus, _ message: String? = nil) -> HTTPResponse {
        HTTPResponse(status: status, headers: [Header(name: "Content-Type", value: "text/plain; charset=utf-8")],
                     body: Array((message ?? status.description).utf8) + [UInt8(ascii: "\n")])
    }

    /// The bytes on the wire. A response to HEAD carries the headers of the GET response,
    /// Content-Length included, and no body.
    func serialized(withBody: Bool, date: String = HTTPDate.now()) -> [UInt8] {
        var head = "HTTP/1.1 \(status)\r\n"
        for header in headers {
            head += "\(header.name): \(header.value)\r\n"
        }
        head += "Content-Length: \(body.count)\r\n"
        head += "Cache-Control: no-store\r\n"
        head += "X-Content-Type-Options: nosniff\r\n"
        head += "Date: \(date)\r\n"
        head += "Connection: close\r\n\r\n"
        return Array(head.utf8) + (withBody ? body : [])
    }
}

/// The `Date` header's IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`), written by hand so that
/// no locale setting can change a day or month name.
enum HTTPDate {
    private static let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    static func now() -> String { format(secondsSinceEpoch: time(nil)) }

    static func format(secondsSinceEpoch seconds: Int) -> String {
        var clock = time_t(seconds)
        var parts = tm()
        gmtime_r(&clock, &parts)
        let two = { (n: Int32) in n < 10 ? "0\(n)" : "\(n)" }
        return "\(days[Int(parts.tm_wday)]), \(two(parts.tm_mday)) \(months[Int(parts.tm_mon)]) \(parts.tm_year + 1900) "
            + "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec)) GMT"
    }
}
