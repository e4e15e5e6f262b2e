/// Every status the preview server answers with, and nothing else: a small server is easier to
/// trust when its answers can be listed.
public enum HTTPStatus: Int, Sendable, Hashable, CustomStringConvertible {
    case ok = 200
    /// A folder asked for without its trailing slash (`/en` → `/en/`), so relative links work.
    case movedPermanently = 301
    /// A malformed request line or header, or a path that tries to leave the site folder.
    case badRequest = 400
    case notFound = 404
    /// Anything but GET and HEAD: a preview has nothing to post to.
    case methodNotAllowed = 405
    /// The request head did not arrive in time.
    case requestTimeout = 408
    /// The request head is larger than the server reads.
    case headersTooLarge = 431
    /// Too many connections are open at once.
    case serviceUnavailable = 503
    /// HTTP/2 or another version the server does not speak.
    case versionNotSupported = 505

    public var reason: String {
        switch self {
        case .ok: "OK"
        case .movedPermanently: "Moved Permanently"
        case .badRequest: "Bad Request"
        case .notFound: "Not Found"
        case .methodNotAllowed: "Method Not Allowed"
        case .requestTimeout: "Request Timeout"
        case .headersTooLarge: "Request Header Fields Too Large"
        case .serviceUnavailable: "Service Unavailable"
        case .versionNotSupported: "HTTP Version Not Supported"
        }
    }

    /// `404 Not Found`.
    public var description: String { "\(rawValue) \(reason)" }
}
