/// Decides what to answer to a request: the serving rules of the preview, free of sockets so
/// tests can state them directly.
///
/// - `/x/` serves `x/index.html`; `/x` where `x` is a folder redirects to `/x/`;
/// - anything else unknown is a 404 with the site's own `404.html` when it has one;
/// - paths are taken below the site's base path (`/docs/` for `https://host/docs/`).
struct PreviewResponder: Sendable {
    let files: OutputFiles

    func response(to request: RequestHead, basePath: BasePath) -> HTTPResponse {
        guard request.method == "GET" || request.method == "HEAD" else { return .methodNotAllowed }
        let path: RequestPath
        do {
            path = try RequestPath(target: request.target)
        } catch {
            return .refusal(.badRequest, because: error)
        }
        guard let segments = basePath.relative(path.segments) else { return notFound }
        switch files.entry(at: segments) {
        case .folder where path.endsWithSlash:
            guard case let .file(bytes) = files.entry(at: segments + ["index.html"]) else { return notFound }
            return .file(bytes, named: "index.html")
        case .folder:
            return .redirect(to: path.raw + "/" + (path.query.map { "?" + $0 } ?? ""))
        case let .file(bytes) where !path.endsWithSlash:
            return .file(bytes, named: segments.last ?? "")
        case .file, .missing:
            return notFound
        }
    }

    /// The site's `404.html` (written at the top of the output folder) with status 404, or a
    /// plain 404 when the site has none yet.
    private var notFound: HTTPResponse {
        guard case let .file(bytes) = files.entry(at: ["404.html"]) else { return .text(.notFound) }
        return .file(bytes, named: "404.html", status: .notFound)
    }
}
