/// Decides what to answer to a request: the serving rules of the preview, free of sockets so
/// tests can state them directly.
///
/// - `/x/` serves `x/index.html`; `/x` where `x` is a folder redirects to `/x/`;
/// - anything else unknown is a 404 with the site's own not-found page when it has one: the
///   `404.html` of the closest folder above the path that has one (`/fr/…` gets `fr/404.html`,
///   in French), else the one at the top;
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
        guard let segments = basePath.relative(path.segments) else { return notFound(under: []) }
        switch files.entry(at: segments) {
        case .folder where path.endsWithSlash:
            guard case let .file(bytes) = files.entry(at: segments + ["index.html"]) else { return notFound(under: segments) }
            return .file(bytes, named: "index.html")
        case .folder:
            return .redirect(to: path.raw + "/" + (path.query.map { "?" + $0 } ?? ""))
        case let .file(bytes) where !path.endsWithSlash:
            return .file(bytes, named: segments.last ?? "")
        case .file, .missing:
            return notFound(under: segments)
        }
    }

    /// With status 404, the `404.html` closest above `segments` (rolegen writes one per locale
    /// in `<locale>/` and one at the top), or a plain 404 when the site has none yet.
    private func notFound(under segments: [String]) -> HTTPResponse {
        for depth in stride(from: segments.count, through: 0, by: -1) {
            if case let .file(bytes) = files.entry(at: Array(segments.prefix(depth)) + ["404.html"]) {
                return .file(bytes, named: "404.html", status: .notFound)
            }
        }
        return .text(.notFound)
    }
}
