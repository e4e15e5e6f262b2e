/// One response of the preview, before it is handed to the HTTP server: status, the headers
/// specific to it, and the whole body. Every response also forbids caching (a preview changes
/// on every rebuild, and a browser showing a stale page would hide the edit) and sniffing.
struct PreviewResponse: Equatable, Sendable {
    struct Header: Equatable, Sendable {
        var name: String
        var value: String
    }

    var status: HTTPStatus
    /// Headers specific to this response, in the order they are sent.
    var headers: [Header]
    var body: [UInt8]

    /// Sent with every response.
    static let commonHeaders = [Header(name: "Cache-Control", value: "no-store"), Header(name: "X-Content-Type-Options", value: "nosniff")]

    /// A file's bytes with the Content-Type of its name.
    static func file(_ bytes: [UInt8], named name: String, status: HTTPStatus = .ok) -> PreviewResponse {
        PreviewResponse(status: status, headers: [Header(name: "Content-Type", value: MediaType.forFile(named: name))], body: bytes)
    }

    /// An HTML page made by the preview itself (the first build's error page).
    static func html(_ text: String, status: HTTPStatus) -> PreviewResponse {
        PreviewResponse(status: status, headers: [Header(name: "Content-Type", value: MediaType.forFile(named: "page.html"))],
                        body: Array(text.utf8))
    }

    /// `301` to `location`, a root-relative path.
    static func redirect(to location: String) -> PreviewResponse {
        var response = text(.movedPermanently, "\(HTTPStatus.movedPermanently): \(location)")
        response.headers.append(Header(name: "Location", value: location))
        return response
    }

    /// `405`, with the `Allow` header RFC 9110 requires.
    static var methodNotAllowed: PreviewResponse {
        var response = text(.methodNotAllowed, "\(HTTPStatus.methodNotAllowed): this preview answers GET and HEAD only")
        response.headers.append(Header(name: "Allow", value: "GET, HEAD"))
        return response
    }

    /// A refusal with its status and the reason, for the developer reading it in a browser.
    static func refusal(_ status: HTTPStatus, because reason: some CustomStringConvertible) -> PreviewResponse {
        text(status, "\(status): \(reason)")
    }

    /// A short plain-text response: the status line, and the reason when there is one to give.
    static func text(_ status: HTTPStatus, _ message: String? = nil) -> PreviewResponse {
        PreviewResponse(status: status, headers: [Header(name: "Content-Type", value: "text/plain; charset=utf-8")],
                        body: Array((message ?? status.description).utf8) + [UInt8(ascii: "\n")])
    }

    /// Whether the body is an HTML page (the reload script goes into those).
    var isHTML: Bool {
        headers.contains { $0.name == "Content-Type" && $0.value.hasPrefix("text/html") }
    }
}
