/// Every status the preview answers with itself, and nothing else: a small server is easier to
/// trust when its answers can be listed. (Hummingbird answers a request it cannot parse with a
/// bare 400 before rolegen sees it.)
public enum HTTPStatus: Int, Sendable, Hashable, CustomStringConvertible {
    case ok = 200
    /// A folder asked for without its trailing slash (`/en` → `/en/`), so relative links work.
    case movedPermanently = 301
    /// A path that tries to leave the site folder, or is not a path.
    case badRequest = 400
    case notFound = 404
    /// Anything but GET and HEAD: a preview has nothing to post to.
    case methodNotAllowed = 405
    /// No build has succeeded yet and the last one failed: every URL shows its diagnostics.
    case internalServerError = 500

    public var reason: String {
        switch self {
        case .ok: "OK"
        case .movedPermanently: "Moved Permanently"
        case .badRequest: "Bad Request"
        case .notFound: "Not Found"
        case .methodNotAllowed: "Method Not Allowed"
        case .internalServerError: "Internal Server Error"
        }
    }

    /// `404 Not Found`.
    public var description: String { "\(rawValue) \(reason)" }
}
